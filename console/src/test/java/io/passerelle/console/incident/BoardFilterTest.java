package io.passerelle.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class BoardFilterTest {

    static BoardFilter filter(String state, String priority, String text, Integer pages) {
        return new BoardFilter(state, priority, null, null, null, text, pages);
    }

    @Test
    void without_a_state_the_board_asks_for_the_open_incidents() {
        var uri = filter(null, "P1", null, null).apply(UriComponentsBuilder.fromPath("/api/v1/incidents")).build().toString();
        assertThat(uri).isEqualTo("/api/v1/incidents?state=NEW&state=ACKNOWLEDGED&state=IN_PROGRESS&state=ON_HOLD&priority=P1");
    }

    @Test
    void all_states_asks_for_no_state_and_one_state_for_that_one() {
        assertThat(filter("ALL", null, null, null).states()).isEmpty();
        assertThat(filter("RESOLVED", null, null, null).states()).containsExactly("RESOLVED");
    }

    @Test
    void the_console_query_keeps_the_filters_and_the_pages_shown_encoded() {
        var filter = filter("", "P2", "out of stock", 2);
        assertThat(filter.query(filter.pageCount())).isEqualTo("priority=P2&text=out%20of%20stock&pages=2");
        assertThat(filter.query(1)).isEqualTo("priority=P2&text=out%20of%20stock");
    }

    @Test
    void pages_stay_between_one_and_the_maximum() {
        assertThat(filter(null, null, null, null).pageCount()).isEqualTo(1);
        assertThat(filter(null, null, null, 0).pageCount()).isEqualTo(1);
        assertThat(filter(null, null, null, 99).pageCount()).isEqualTo(BoardFilter.MAX_PAGES);
    }
}
