package io.passerelle.console.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incidents the board shows, grouped by priority, P1 first; within a priority in the API's order (most recently
 * opened first). {@code more} says the API has a next page the board did not load.
 */
public record Board(List<Group> groups, int count, boolean more) {

    /** The incidents of one priority. */
    public record Group(String priority, List<Map<String, Object>> incidents) {
    }

    static Board of(List<Map<String, Object>> incidents, boolean more) {
        var byPriority = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (var incident : incidents) {
            String priority = String.valueOf(incident.getOrDefault("priority", "?"));
            byPriority.computeIfAbsent(priority, p -> new ArrayList<>()).add(incident);
        }
        var groups = byPriority.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> new Group(e.getKey(), List.copyOf(e.getValue())))
                .toList();
        return new Board(groups, incidents.size(), more);
    }

    public boolean empty() {
        return count == 0;
    }
}
