package io.passerelle.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiTest {

    @Test
    void the_next_page_is_the_query_of_the_link_whose_relation_is_next() {
        assertThat(Api.next("</api/v1/incidents?state=NEW&after=abc>; rel=\"next\"")).isEqualTo("state=NEW&after=abc");
        assertThat(Api.next("<https://x/api/v1/incidents?after=1>; rel=\"prev\", </api/v1/incidents?after=2>; rel=next"))
                .isEqualTo("after=2");
    }

    @Test
    void no_link_or_no_next_relation_is_the_last_page() {
        assertThat(Api.next(null)).isNull();
        assertThat(Api.next("</api/v1/incidents?after=1>; rel=\"prev\"")).isNull();
    }
}
