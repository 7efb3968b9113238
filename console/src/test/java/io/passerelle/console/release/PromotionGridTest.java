package io.passerelle.console.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PromotionGridTest {

    static final List<Map<String, Object>> ENVIRONMENTS = List.of(
            Map.of("name", "production", "order", 3), Map.of("name", "staging", "order", 1),
            Map.of("name", "preprod", "order", 2));

    @Test
    void columns_follow_the_promotion_order_and_rows_the_api_s_newest_first() {
        var grid = PromotionGrid.of(ENVIRONMENTS, List.of(release("r2", "v2"), release("r1", "v1")), List.of());

        assertThat(grid.environments()).containsExactly("staging", "preprod", "production");
        assertThat(grid.rows()).extracting(PromotionGrid.Row::version).containsExactly("v2", "v1");
        assertThat(grid.rows().getFirst().cells()).extracting(PromotionGrid.Cell::environment)
                .containsExactly("staging", "preprod", "production");
    }

    @Test
    void each_cell_holds_the_release_s_newest_deployment_there() {
        var grid = PromotionGrid.of(ENVIRONMENTS, List.of(release("r1", "v1")), List.of(
                deployment("d3", "r1", "staging", "SUCCEEDED", "ROLLBACK"),
                deployment("d2", "r1", "staging", "FAILED", "DEPLOY"),
                deployment("d1", "r0", "staging", "SUCCEEDED", "DEPLOY")));

        var staging = grid.rows().getFirst().cells().getFirst();
        assertThat(staging.deployment()).isNotNull();
        assertThat(staging.deployment().id()).isEqualTo("d3");
        assertThat(staging.deployment().rollback()).isTrue();
        assertThat(staging.deployment().tone()).isEqualTo("ok");
    }

    @Test
    void a_release_may_be_promoted_only_into_the_environment_after_one_where_it_succeeded() {
        var grid = PromotionGrid.of(ENVIRONMENTS, List.of(release("r2", "v2"), release("r1", "v1")), List.of(
                deployment("d2", "r2", "staging", "FAILED", "DEPLOY"),
                deployment("d1", "r1", "staging", "SUCCEEDED", "DEPLOY")));

        assertThat(grid.rows().get(0).cells()).extracting(PromotionGrid.Cell::promotable).containsExactly(false, false, false);
        assertThat(grid.rows().get(1).cells()).extracting(PromotionGrid.Cell::promotable).containsExactly(false, true, false);
    }

    @Test
    void an_environment_already_deployed_is_not_promotable_again() {
        var grid = PromotionGrid.of(ENVIRONMENTS, List.of(release("r1", "v1")), List.of(
                deployment("d2", "r1", "preprod", "PLANNED", "DEPLOY"),
                deployment("d1", "r1", "staging", "SUCCEEDED", "DEPLOY")));

        var cells = grid.rows().getFirst().cells();
        assertThat(cells.get(1).promotable()).isFalse();
        assertThat(cells.get(1).deployment().state()).isEqualTo("PLANNED");
        assertThat(cells.get(1).deployment().tone()).isEqualTo("info");
    }

    @Test
    void what_a_release_waits_for_shows_in_that_environment_s_cell() {
        var held = new java.util.HashMap<>(release("r1", "v1"));
        held.put("awaiting", Map.of("environment", "staging", "state", "STOPPED", "reason", "e2e failed"));

        var cells = PromotionGrid.of(ENVIRONMENTS, List.of(held), List.of()).rows().getFirst().cells();

        assertThat(cells.get(0).holdState()).isEqualTo("STOPPED");
        assertThat(cells.get(0).holdReason()).isEqualTo("e2e failed");
        assertThat(cells.get(1).holdState()).isNull();
    }

    static Map<String, Object> release(String id, String version) {
        return Map.of("id", id, "service", "shop", "version", version, "commitSha", version + "0000",
                "recordedAt", "2026-11-30T12:00:00Z");
    }

    static Map<String, Object> deployment(String id, String release, String environment, String state, String kind) {
        return Map.of("id", id, "releaseId", release, "service", "shop", "environment", environment, "version", "v",
                "commitSha", "abc", "state", state, "kind", kind, "plannedAt", "2026-11-30T12:00:00Z");
    }
}
