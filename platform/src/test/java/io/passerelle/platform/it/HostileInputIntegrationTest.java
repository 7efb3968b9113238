package io.passerelle.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.passerelle.platform.test.PasserelleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What a careless client or an attacker sends is refused with 400 problem+json that says what is wrong, and writes
 * nothing: strict JSON types, no NUL, RFC 3339 date-times, no null items, and what Tomcat refuses itself.
 */
@PasserelleIntegrationTest
@AutoConfigureMockMvc
class HostileInputIntegrationTest {

    static final String VALID = """
            {"title":"t","order":1,"flag":true,"at":"2026-11-29T10:15:30Z","tags":["a"],"labels":{"k":"v"},
             "ref":"3974300d-66d4-394a-b4e5-6cb2a97b56c3"}""";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void a_well_typed_body_is_accepted() throws Exception {
        mvc.perform(post("/pings/typed").with(changeManager()).contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isOk());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            number for a string          | "title":"t"                  | "title":123                         | 'title' must be a string
            boolean for a string         | "title":"t"                  | "title":true                        | 'title' must be a string
            NUL in a string              | "title":"t"                  | "title":"a\\u0000b"                 | 'title' must not contain the NUL character (U+0000)
            NUL in an array item         | "tags":["a"]                 | "tags":["\\u0000"]                  | 'tags[0]' must not contain the NUL character (U+0000)
            NUL in a map value           | "labels":{"k":"v"}           | "labels":{"k":"\\u0000"}            | 'labels.k' must not contain the NUL character (U+0000)
            unpaired surrogate           | "title":"t"                  | "title":"\\ud800"                   | 'title' must not contain an unpaired surrogate (U+D800)
            number for a boolean         | "flag":true                  | "flag":0                            | 'flag' must be true or false
            string for a boolean         | "flag":true                  | "flag":"true"                       | 'flag' must be true or false
            fraction for an integer      | "order":1                    | "order":1.5                         | 'order' must be an integer
            string for an integer        | "order":1                    | "order":"1"                         | 'order' must be an integer
            null for an integer          | "order":1                    | "order":null                        | 'order' must be an integer
            empty date-time              | "at":"2026-11-29T10:15:30Z"  | "at":""                             | 'at' must be an RFC 3339 date-time with a four-digit year and an offset, e.g. 2026-11-29T10:15:30Z
            number for a date-time       | "at":"2026-11-29T10:15:30Z"  | "at":0                              | 'at' must be an RFC 3339 date-time with a four-digit year and an offset, e.g. 2026-11-29T10:15:30Z
            extended year                | "at":"2026-11-29T10:15:30Z"  | "at":"+999999999-12-31T23:59:59Z"   | 'at' must be an RFC 3339 date-time with a four-digit year and an offset, e.g. 2026-11-29T10:15:30Z
            date-time without offset     | "at":"2026-11-29T10:15:30Z"  | "at":"2026-11-29T10:15:30"          | 'at' must be an RFC 3339 date-time with a four-digit year and an offset, e.g. 2026-11-29T10:15:30Z
            impossible date              | "at":"2026-11-29T10:15:30Z"  | "at":"2026-02-30T10:15:30Z"         | 'at' is not a valid date-time (2026-02-30T10:15:30Z)
            null array item              | "tags":["a"]                 | "tags":[null]                       | 'tags[0]' must not be null
            object for an array          | "tags":["a"]                 | "tags":{"a":1}                      | 'tags' must be an array
            NUL in a map key             | "labels":{"k":"v"}           | "labels":{"k\\u0000":"v"}          | 'labels' has a name that must not contain the NUL character (U+0000)
            NUL after a UUID             | 3974300d-66d4-394a-b4e5-6cb2a97b56c3 | 3974300d-66d4-394a-b4e5-6cb2a97b56c3\\u0000\\u0000 | 'ref' must be a UUID string
            spaces around a UUID         | 3974300d-66d4-394a-b4e5-6cb2a97b56c3 | ~ 3974300d-66d4-394a-b4e5-6cb2a97b56c3 ~ | 'ref' must be a UUID string
            a UUID without dashes        | 3974300d-66d4-394a-b4e5-6cb2a97b56c3 | 3974300d66d4394ab4e56cb2a97b56c3   | 'ref' must be a UUID string
            number for a UUID            | "ref":"3974300d-66d4-394a-b4e5-6cb2a97b56c3" | "ref":7                | 'ref' must be a UUID string
            """)
    void a_value_of_the_wrong_json_type_or_content_is_refused_and_nothing_is_written(String what, String valid,
            String bad, String detail) throws Exception {
        var body = VALID.replace(valid, bad);
        assertThat(body).as(what).isNotEqualTo(VALID);
        int before = outboxRows();

        mvc.perform(post("/pings/typed").with(changeManager()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value(detail));

        assertThat(outboxRows()).isEqualTo(before);
    }

    @Test
    void a_deeply_nested_body_is_refused_without_naming_java() throws Exception {
        var body = VALID.replace("\"labels\":{\"k\":\"v\"}", "\"labels\":" + "[".repeat(5000) + "]".repeat(5000));
        mvc.perform(post("/pings/typed").with(changeManager()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("java"))));
    }

    @Test
    void an_unacceptable_accept_header_still_gets_a_problem() throws Exception {
        mvc.perform(get("/pings").with(changeManager()).header("Accept", "garbage"))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/not-acceptable"));
        mvc.perform(get("/pings").with(changeManager()).header("Accept", "text/csv"))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void a_charset_other_than_utf8_or_an_accept_header_that_is_no_media_type_list_gets_a_406_problem()
            throws Exception {
        for (var accept : new String[] { "application/json; charset=latin1", "*/*, \u00fcn\u00efcode/x", "garbage" }) {
            mvc.perform(get("/pings").with(changeManager()).header("Accept", accept))
                    .andExpect(status().isNotAcceptable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/not-acceptable"));
        }
    }

    @Test
    void a_header_with_bytes_the_firewall_refuses_is_a_400_when_a_controller_reads_it() throws Exception {
        mvc.perform(get("/pings").with(changeManager()).header("X-Trace", "w\u0080"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://passerelle.io/problems/invalid-request"));
    }

    @Test
    void control_characters_in_a_query_value_are_refused_not_trimmed_away() throws Exception {
        mvc.perform(get(java.net.URI.create("/pings?after=%0d%0a")).with(changeManager()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("the query string must not contain control characters (U+000D)"));
    }

    @Test
    void query_parameters_bind_strictly_no_padded_enum_names_no_hexadecimal_numbers() throws Exception {
        for (var query : new String[] { "state=%20OPEN", "state=open", "limit=0x10", "limit=1e3", "limit=%2B5%20" }) {
            var answer = mvc.perform(get(java.net.URI.create("/pings/strict?" + query)).with(changeManager()))
                    .andReturn().getResponse();
            assertThat(answer.getStatus()).as(query).isEqualTo(400);
            assertThat(answer.getContentType()).as(query).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        mvc.perform(get(java.net.URI.create("/pings/strict?state=OPEN&limit=16")).with(changeManager()))
                .andExpect(status().isOk());
    }

    @Test
    void a_field_name_with_nul_is_refused_even_where_unknown_fields_are_tolerated() throws Exception {
        var body = VALID.replace("{\"title\"", "{\"ti\\u0000tle\":1,\"title\"");
        mvc.perform(post("/pings/typed").with(changeManager()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("NUL")));
    }

    @Test
    void a_query_parameter_of_the_wrong_type_is_named_without_java_words() throws Exception {
        mvc.perform(get("/pings").with(changeManager()).queryParam("after", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("parameter 'after' must be a UUID"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NUL in the query                  | GET /pings?after=%00 HTTP/1.1
            invalid UTF-8 in the query        | GET /pings?after=%C3%28 HTTP/1.1
            truncated escape in the query     | GET /pings?after=%E2%82 HTTP/1.1
            NUL in the path                   | GET /pings/%00 HTTP/1.1
            brackets in the query             | GET /pings?state[]=a HTTP/1.1
            encoded CR LF in the path         | GET /pings%0d%0aX-Injected:%20yes HTTP/1.1
            encoded dot-dot-slash in the path | GET /pings/..%2f..%2fetc HTTP/1.1
            encoded slash in the path         | GET /pings%2fboom HTTP/1.1
            non-ASCII byte in a header name   | GET /pings HTTP/1.1\\r\\nX-\u00e9: a
            raw bytes outside ASCII in query  | GET /pings?after=\u00ff\u00fex HTTP/1.1
            """)
    void what_tomcat_or_the_filters_refuse_before_any_code_runs_is_a_400_problem(String what, String requestLine)
            throws Exception {
        var answer = raw(requestLine.replace("\\r\\n", "\r\n") + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).as(what).startsWith("HTTP/1.1 400");
        assertThat(answer.toLowerCase()).as(what).contains("content-type: application/problem+json");
        assertThat(answer).as(what).contains("\"status\":400").doesNotContain("<html");
    }

    private String raw(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private int outboxRows() {
        return jdbc.sql("select count(*) from outbox_event").query(Integer.class).single();
    }

    private static RequestPostProcessor changeManager() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_change-manager"));
    }
}
