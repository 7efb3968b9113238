package io.passerelle.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundGuardTest {

    /** The resolver port, faked: names resolve to what the test says, and every lookup is recorded. */
    final Map<String, List<InetAddress>> dns = new HashMap<>();
    final List<String> lookups = new ArrayList<>();
    final HostResolver resolver = host -> {
        lookups.add(host);
        var addresses = dns.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses;
    };

    final OutboundGuard strict = new OutboundGuard(OutboundAllowList.none(), resolver);

    static InetAddress ip(String literal) {
        return Literals.address(literal).orElseThrow();
    }

    void resolves(String name, String... addresses) {
        dns.put(name, java.util.Arrays.stream(addresses).map(OutboundGuardTest::ip).toList());
    }

    OutboundGuard allowing(String... entries) {
        return new OutboundGuard(OutboundAllowList.parse(List.of(entries)), resolver);
    }

    static String forbidden(OutboundVerdict verdict) {
        assertThat(verdict).isInstanceOf(OutboundVerdict.Forbidden.class);
        return ((OutboundVerdict.Forbidden) verdict).reason();
    }

    static String malformed(OutboundVerdict verdict) {
        assertThat(verdict).isInstanceOf(OutboundVerdict.Malformed.class);
        return ((OutboundVerdict.Malformed) verdict).reason();
    }

    // --- the metadata service, and the spellings that reach it -------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "http://169.254.169.254/latest/meta-data",
            "http://169.254.169.254:80/latest/meta-data/iam/security-credentials/",
            "https://169.254.169.254",
            "HTTP://169.254.169.254/",
            "http://[::ffff:169.254.169.254]/latest/meta-data", // IPv4-mapped
            "http://[::ffff:a9fe:a9fe]/", // IPv4-mapped, in hex
            "http://[0:0:0:0:0:ffff:169.254.169.254]/",
            "http://[::a9fe:a9fe]/", // IPv4-compatible
            "http://[::169.254.169.254]/",
            "http://[64:ff9b::a9fe:a9fe]/", // NAT64
            "http://[2002:a9fe:a9fe::1]/", // 6to4
            "http://[2001:0:4136:e378:8000:63bf:5601:5601]/", // Teredo: client 169.254.169.254 (inverted)
            "http://[::ffff:0:a9fe:a9fe]/", // IPv4-translated
            "http://[fd00:ec2::254]/latest/meta-data", // AWS IMDS over IPv6
            "http://100.100.100.200/latest/meta-data", // Alibaba Cloud
            "http://169.254.170.2/v2/credentials", // ECS task credentials
            "http://169.254.169.254./", // a trailing dot changes nothing
    })
    void metadata_addresses_are_refused_in_every_spelling(String url) {
        assertThat(forbidden(strict.check(url))).contains("metadata").contains("never calls");
        assertThat(lookups).as("an IP literal needs no lookup").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://0xA9FEA9FE/", // hex, one number
            "http://0xa9.0xfe.0xa9.0xfe/", // hex octets
            "http://2852039166/", // decimal, one number
            "http://0251.0376.0251.0376/", // octal
            "http://169.254.43518/", // three parts
            "http://169.16689662/", // two parts
            "http://0x7f.1/",
            "http://017700000001/",
            "http://127.1/",
            "http://1.2.3.04/", // leading zero: octal to some readers
            "http://256.1.1.1/",
            "http://foo.0x10/", // ends in a number: an address to browsers and inet_aton
    })
    void numeric_hosts_in_any_form_but_four_decimal_numbers_are_refused_without_a_lookup(String url) {
        assertThat(malformed(strict.check(url))).contains("four decimal numbers");
        assertThat(lookups).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://good@169.254.169.254/",
            "http://good.example@169.254.169.254/latest/meta-data",
            "http://user:pass@deploy.example/",
            "http://169.254.169.254@deploy.example/",
            "http://deploy.example%40169.254.169.254/",
            "http://%31%36%39.254.169.254/",
    })
    void user_information_and_encoded_hosts_are_refused(String url) {
        assertThat(strict.check(url)).isInstanceOf(OutboundVerdict.Malformed.class);
        assertThat(lookups).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://METADATA.GOOGLE.INTERNAL./computeMetadata/v1/",
            "http://metadata/computeMetadata/v1/",
            "http://metadata.goog/",
            "http://instance-data/latest/meta-data",
            "http://instance-data.ec2.internal/latest/meta-data",
    })
    void metadata_names_are_refused_before_any_lookup(String url) {
        assertThat(forbidden(strict.check(url))).contains("names a cloud metadata service");
        assertThat(lookups).isEmpty();
    }

    @Test
    void a_wildcard_dns_name_that_resolves_to_the_metadata_address_is_refused() {
        resolves("169.254.169.254.nip.io", "169.254.169.254");
        resolves("a9fea9fe.rbndr.us", "169.254.169.254");

        assertThat(forbidden(strict.check("http://169.254.169.254.nip.io/latest/meta-data")))
                .startsWith("169.254.169.254.nip.io resolves to 169.254.169.254, the cloud metadata address");
        assertThat(forbidden(strict.check("http://a9fea9fe.rbndr.us/"))).contains("metadata");
    }

    @Test
    void a_name_is_refused_if_any_of_its_addresses_is_refused() {
        resolves("mixed.example", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "10.1.2.3");

        assertThat(forbidden(strict.check("https://mixed.example/deploy")))
                .isEqualTo("mixed.example resolves to 10.1.2.3, private (10.0.0.0/8): internal addresses are called"
                        + " only when the operator allows them (passerelle.outbound.allow)");
    }

    // --- the other blocks ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "http://169.254.1.1/", "http://[fe80::1]/", "http://[fe80::1ff:fe23:4567:890a]/", "http://[febf::1]/",
            "http://0.0.0.0/", "http://0.1.2.3/", "http://[::]/", "http://[::ffff:0.0.0.0]/",
            "http://224.0.0.1/", "http://239.255.255.250:1900/", "http://[ff02::1]/",
            "http://255.255.255.255/", "http://240.0.0.1/", "http://[100::1]/",
            "http://[::ffff:169.254.1.1]/", "http://[64:ff9b::e000:1]/",
    })
    void link_local_unspecified_multicast_and_reserved_addresses_are_never_called(String url) {
        assertThat(forbidden(strict.check(url))).contains("never calls");
        assertThat(forbidden(allowing("0.0.0.0/0", "::/0").check(url)))
                .as("whatever the allow-list says").contains("never calls");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:8099/deploy", "http://127.8.9.10/", "http://[::1]:8099/", "http://[::ffff:127.0.0.1]/",
            "http://10.0.0.1/", "http://172.16.0.1/", "http://172.31.255.254/", "http://192.168.1.10/",
            "http://100.64.0.1/", "http://100.127.255.254/", "http://[fc00::1]/", "http://[fd12:3456::1]/",
            "http://[fec0::1]/", "http://198.18.0.1/", "http://192.0.0.8/",
            "http://[::ffff:10.0.0.1]/", "http://[::10.0.0.1]/", "http://[64:ff9b::a00:1]/", "http://[2002:a00:1::]/",
            "http://[64:ff9b:1::a00:1]/",
    })
    void loopback_and_private_addresses_are_refused_unless_the_operator_allows_them(String url) {
        assertThat(forbidden(strict.check(url))).endsWith("internal addresses are called only when the operator"
                + " allows them (passerelle.outbound.allow)");
        assertThat(allowing("127.0.0.0/8", "::1", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10",
                "fc00::/7", "fec0::/10", "198.18.0.0/15", "192.0.0.0/24", "64:ff9b:1::/48").check(url))
                .isInstanceOf(OutboundVerdict.Admitted.class);
    }

    @Test
    void localhost_is_loopback_like_any_name_that_resolves_there() {
        resolves("localhost", "127.0.0.1", "::1");

        assertThat(forbidden(strict.check("http://localhost:8099/deploy")))
                .startsWith("localhost resolves to 127.0.0.1, loopback (127.0.0.0/8)");
        assertThat(allowing("127.0.0.0/8", "::1").check("http://localhost:8099/deploy"))
                .isInstanceOf(OutboundVerdict.Admitted.class);
        assertThat(forbidden(allowing("127.0.0.0/8").check("http://localhost:8099/deploy")))
                .as("::1 is one of its addresses, and not allowed").startsWith("localhost resolves to ::1");
    }

    // --- the allow-list -----------------------------------------------------------------------------------------

    @Test
    void a_host_port_entry_admits_that_host_on_that_port_only() {
        resolves("deployer.internal", "10.20.0.7");
        var guard = allowing("deployer.internal:8443");

        assertThat(guard.check("https://deployer.internal:8443/hooks/deploy")).isInstanceOfSatisfying(
                OutboundVerdict.Admitted.class, admitted -> assertThat(admitted.addresses()).containsExactly(ip("10.20.0.7")));
        assertThat(guard.check("https://DEPLOYER.internal.:8443/x")).isInstanceOf(OutboundVerdict.Admitted.class);
        assertThat(forbidden(guard.check("https://deployer.internal/hooks/deploy"))).contains("private");
        assertThat(forbidden(guard.check("http://10.20.0.7:8443/"))).as("the name was allowed, not the address")
                .contains("private");
    }

    @Test
    void an_address_port_entry_admits_that_address_on_that_port_only() {
        var guard = allowing("127.0.0.1:8099", "[::1]:8099");

        assertThat(guard.check("http://127.0.0.1:8099/deploy")).isInstanceOf(OutboundVerdict.Admitted.class);
        assertThat(guard.check("http://[::1]:8099/deploy")).isInstanceOf(OutboundVerdict.Admitted.class);
        assertThat(guard.check("http://127.0.0.1:8098/deploy")).isInstanceOf(OutboundVerdict.Forbidden.class);
        assertThat(guard.check("http://127.0.0.2:8099/deploy")).isInstanceOf(OutboundVerdict.Forbidden.class);
    }

    @Test
    void an_allowed_block_never_admits_a_metadata_address_inside_it() {
        var guard = allowing("100.64.0.0/10", "fd00::/8", "169.254.0.0/16");

        assertThat(guard.check("http://100.100.100.1/")).isInstanceOf(OutboundVerdict.Admitted.class);
        assertThat(forbidden(guard.check("http://100.100.100.200/"))).contains("metadata");
        assertThat(guard.check("http://[fd00::1]/")).isInstanceOf(OutboundVerdict.Admitted.class);
        assertThat(forbidden(guard.check("http://[fd00:ec2::254]/"))).contains("metadata");
        assertThat(forbidden(guard.check("http://169.254.10.10/"))).contains("link-local");
    }

    @ParameterizedTest
    @ValueSource(strings = { "deployer.internal", "10.0.0.0/33", "not an entry", "10.0.0.0/x", "0x7f000001/8",
            "host:99999", "[::1]:x" })
    void an_allow_list_entry_that_is_neither_a_block_nor_host_port_stops_the_service(String entry) {
        assertThatThrownBy(() -> OutboundAllowList.parse(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passerelle.outbound.allow")
                .hasMessageContaining(entry);
    }

    // --- what is admitted ---------------------------------------------------------------------------------------

    @Test
    void a_public_name_is_admitted_with_every_address_it_resolved_to_for_the_caller_to_connect_to() {
        resolves("deploy.example", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c");

        var verdict = strict.check("https://deploy.example/hooks/deploy?env=prod");

        assertThat(verdict).isInstanceOfSatisfying(OutboundVerdict.Admitted.class, admitted -> {
            assertThat(admitted.addresses()).containsExactly(ip("93.184.215.14"),
                    ip("2606:2800:21f:cb07:6820:80da:af6b:8b2c"));
            assertThat(admitted.url()).isEqualTo(new OutboundUrl("https", "deploy.example", 443, null,
                    "/hooks/deploy?env=prod"));
            assertThat(admitted.url().authority()).isEqualTo("deploy.example:443");
        });
    }

    @Test
    void a_public_literal_is_admitted_without_a_lookup() {
        assertThat(strict.check("http://93.184.215.14:8080")).isInstanceOfSatisfying(OutboundVerdict.Admitted.class,
                admitted -> {
                    assertThat(admitted.url().target()).isEqualTo("/");
                    assertThat(admitted.url().authority()).isEqualTo("93.184.215.14:8080");
                });
        assertThat(strict.check("http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/")).isInstanceOfSatisfying(
                OutboundVerdict.Admitted.class, admitted -> assertThat(admitted.url().authority())
                        .isEqualTo("[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:80"));
        assertThat(lookups).isEmpty();
    }

    @Test
    void a_name_resolved_again_later_is_judged_again() {
        resolves("rebinding.example", "93.184.215.14");
        assertThat(strict.check("http://rebinding.example/")).isInstanceOf(OutboundVerdict.Admitted.class);

        resolves("rebinding.example", "169.254.169.254");
        assertThat(forbidden(strict.check("http://rebinding.example/"))).contains("metadata");
    }

    @Test
    void a_name_that_does_not_resolve_is_unresolved_not_refused() {
        assertThat(strict.check("https://nowhere.example/")).isEqualTo(new OutboundVerdict.Unresolved(
                new OutboundUrl("https", "nowhere.example", 443, null, "/"), "nowhere.example does not resolve"));
        dns.put("empty.example", List.of());
        assertThat(strict.check("https://empty.example/")).isInstanceOf(OutboundVerdict.Unresolved.class);
    }

    // --- the text of the URL ------------------------------------------------------------------------------------

    @Test
    void what_is_wrong_with_a_url_is_said_in_its_authors_terms() {
        assertThat(malformed(strict.check("ftp://deploy.example/"))).isEqualTo("must use http or https, not ftp");
        assertThat(malformed(strict.check("file:///etc/passwd"))).isEqualTo("must use http or https, not file");
        assertThat(malformed(strict.check("gopher://127.0.0.1:6379/_INFO"))).contains("not gopher");
        assertThat(malformed(strict.check("/relative/path"))).isEqualTo("is not an absolute http(s) URL");
        assertThat(malformed(strict.check("http://"))).isEqualTo("is not a valid URL");
        assertThat(malformed(strict.check("http:///path"))).isEqualTo("has no host");
        assertThat(malformed(strict.check("http:deploy.example"))).isEqualTo("has no host");
        assertThat(malformed(strict.check("http://deploy.example:0/"))).contains("port");
        assertThat(malformed(strict.check("http://deploy.example:65536/"))).contains("port");
        assertThat(malformed(strict.check("http://deploy.example:/"))).contains("port");
        assertThat(malformed(strict.check("http://deploy.example:+80/"))).contains("port");
        assertThat(malformed(strict.check("http://under_score.example/"))).contains("not a DNS name");
        assertThat(malformed(strict.check("http://-lead.example/"))).contains("not a DNS name");
        assertThat(malformed(strict.check("http://a..b.example/"))).contains("not a DNS name");
        assertThat(malformed(strict.check("http://[fe80::1%25eth0]/"))).isNotBlank();
        assertThat(malformed(strict.check("http://[::1/"))).isNotBlank();
        assertThat(malformed(strict.check("http://[::1]x/"))).isNotBlank();
        assertThat(malformed(strict.check("http://[not:an:address]/"))).isNotBlank();
        assertThat(malformed(strict.check("http://deploy.example\\@169.254.169.254/"))).isNotBlank();
        assertThat(malformed(strict.check("http://deploy.example /"))).isNotBlank();
        assertThat(malformed(strict.check("http://déploiement.example/"))).contains("punycode");
        assertThat(lookups).isEmpty();
    }

    @Test
    void ipv6_addresses_are_named_as_people_write_them() {
        assertThat(Literals.text(ip("0:0:0:0:0:0:0:1"))).isEqualTo("::1");
        assertThat(Literals.text(ip("fd00:ec2:0:0:0:0:0:254"))).isEqualTo("fd00:ec2::254");
        assertThat(Literals.text(ip("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Literals.text(ip("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(Literals.text(ip("1:0:2:3:4:5:6:0"))).isEqualTo("1:0:2:3:4:5:6:0");
        assertThat(Literals.text(ip("::"))).isEqualTo("::");
        assertThat(Literals.text(ip("[::ffff:1.2.3.4]"))).isEqualTo("1.2.3.4");
        assertThat(Literals.bytes("::ffff:1.2.3.4")).get().satisfies(b -> assertThat(b).hasSize(16));
        assertThat(Literals.bytes("1:2:3:4:5:6:7:8:9")).isEmpty();
        assertThat(Literals.bytes("1::2::3")).isEmpty();
        assertThat(Literals.bytes("12345::")).isEmpty();
        assertThat(Literals.bytes("::1.2.3")).isEmpty();
    }

    @Test
    void nothing_but_the_text_is_judged_without_resolving() {
        resolves("deploy.example", "10.0.0.1");

        assertThat(strict.checkWithoutResolving("https://deploy.example/")).isEmpty();
        assertThat(strict.checkWithoutResolving("http://10.0.0.1/")).get().isInstanceOf(OutboundVerdict.Forbidden.class);
        assertThat(strict.checkWithoutResolving("http://u@x.example/")).get().isInstanceOf(OutboundVerdict.Malformed.class);
        assertThat(lookups).isEmpty();
    }
}
