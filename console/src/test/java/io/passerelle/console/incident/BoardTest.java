package io.passerelle.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BoardTest {

    static Map<String, Object> incident(String id, String priority) {
        return Map.of("id", id, "priority", priority);
    }

    @Test
    void incidents_are_grouped_by_priority_p1_first_keeping_the_api_order_within_a_priority() {
        var board = Board.of(List.of(incident("a", "P3"), incident("b", "P1"), incident("c", "P3"), incident("d", "P2"),
                incident("e", "P1")), false);

        assertThat(board.groups()).extracting(Board.Group::priority).containsExactly("P1", "P2", "P3");
        assertThat(board.groups().getFirst().incidents()).extracting(i -> i.get("id")).containsExactly("b", "e");
        assertThat(board.groups().get(2).incidents()).extracting(i -> i.get("id")).containsExactly("a", "c");
        assertThat(board.count()).isEqualTo(5);
        assertThat(board.empty()).isFalse();
    }

    @Test
    void an_empty_page_is_an_empty_board_that_may_still_have_more() {
        var board = Board.of(List.of(), true);
        assertThat(board.groups()).isEmpty();
        assertThat(board.empty()).isTrue();
        assertThat(board.more()).isTrue();
    }
}
