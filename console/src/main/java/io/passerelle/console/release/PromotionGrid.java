package io.passerelle.console.release;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A service's releases against its environments: a row per release (newest first, as the API lists them), a column per
 * environment in promotion order, each cell the release's newest deployment there, what the release waits for there,
 * or whether it may be promoted there (it succeeded in the environment before and has no deployment here yet).
 */
public record PromotionGrid(List<String> environments, List<Row> rows) {

    public record Row(String releaseId, String version, String commitSha, @Nullable String recordedAt,
            @Nullable String runUrl, List<Cell> cells) {
    }

    /**
     * @param deployment the release's newest deployment to the environment, if any
     * @param holdState WAITING or STOPPED when the release waits for required checks before this environment
     * @param promotable whether a release manager may promote the release here now
     */
    public record Cell(String environment, @Nullable Deployment deployment, @Nullable String holdState,
            @Nullable String holdReason, boolean promotable) {
    }

    static PromotionGrid of(List<Map<String, Object>> environments, List<Map<String, Object>> releases,
            List<Map<String, Object>> deployments) {
        List<String> order = environments.stream()
                .sorted(Comparator.comparingInt(e -> e.get("order") instanceof Number n ? n.intValue() : Integer.MAX_VALUE))
                .map(e -> String.valueOf(e.get("name"))).toList();
        Map<String, Deployment> newest = new HashMap<>();
        for (Map<String, Object> record : deployments) { // newest first: the first one seen per release and environment
            Deployment deployment = Deployment.of(record);
            newest.putIfAbsent(deployment.releaseId() + "/" + deployment.environment(), deployment);
        }
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> release : releases) {
            String id = String.valueOf(release.get("id"));
            @Nullable Map<?, ?> hold = release.get("awaiting") instanceof Map<?, ?> m ? m : null;
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                String environment = order.get(i);
                Deployment deployment = newest.get(id + "/" + environment);
                Deployment before = i == 0 ? null : newest.get(id + "/" + order.get(i - 1));
                boolean held = hold != null && environment.equals(hold.get("environment"));
                boolean promotable = deployment == null && before != null && "SUCCEEDED".equals(before.state());
                cells.add(new Cell(environment, deployment, held ? String.valueOf(hold.get("state")) : null,
                        held ? String.valueOf(hold.get("reason")) : null, promotable));
            }
            rows.add(new Row(id, String.valueOf(release.get("version")), String.valueOf(release.get("commitSha")),
                    Moment.of(release.get("recordedAt")),
                    release.get("runUrl") == null ? null : release.get("runUrl").toString(), cells));
        }
        return new PromotionGrid(order, rows);
    }
}
