package io.passerelle.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.testkit.Tokens;
import org.junit.jupiter.api.Test;

/** The fuzzer itself, without a stack: reproducible, covering, and never sending a call that writes as it is. */
class GeneratorTest {

    static final Path ROOT = Path.of(System.getenv().getOrDefault("PASSERELLE_ROOT", "..")).toAbsolutePath().normalize();

    final Fixture fixture = new Fixture(new Tokens("http://127.0.0.1:1"), UUID.randomUUID().toString(),
            UUID.randomUUID().toString(), UUID.randomUUID().toString());
    final List<Operation> operations = Operation.read(ROOT.resolve("api-specs/openapi"));
    final Generator generator = new Generator(operations, fixture);

    @Test
    void the_same_seed_gives_the_same_requests() {
        for (int index = 0; index < 300; index++) {
            assertThat(Fuzz.printable(bytes(42, index), 100_000)).as("request %d", index)
                    .isEqualTo(Fuzz.printable(bytes(42, index), 100_000));
        }
        assertThat(bytes(42, 7)).isNotEqualTo(bytes(43, 7));
    }

    @Test
    void five_thousand_requests_reach_every_operation_with_every_mutation() {
        var operations = new HashSet<String>();
        var kinds = new HashMap<String, Integer>();
        for (int index = 0; index < 5_000; index++) {
            var draft = generator.generate(1, index);
            operations.add(draft.operation.id());
            kinds.merge(draft.kind.isEmpty() ? "?" : draft.kind, 1, Integer::sum);
        }
        assertThat(operations).hasSize(Operation.read(ROOT.resolve("api-specs/openapi")).size());
        assertThat(kinds.keySet()).containsAll(generator.mutations().stream().map(Mutation::name).toList());
    }

    @Test
    void an_operation_that_admits_few_mutations_still_gets_one() {
        // seed 1065876720, request 1186: 50 weighted picks all missed what listIncidents admits (a CI run of the
        // suite); the stream is replayed for that operation, whatever operations the contracts hold since
        var listIncidents = operations.stream().filter(o -> o.id().equals("listIncidents")).findFirst().orElseThrow();
        var random = Fuzz.random(1065876720L, 1186);
        Fuzz.pick(random, operations);

        var draft = generator.generate(listIncidents, random, 1186);

        assertThat(draft.operation).isEqualTo(listIncidents);
        assertThat(draft.kind).isNotEmpty();
    }

    @Test
    void a_call_that_writes_is_always_broken_or_anchored() {
        for (int index = 0; index < 5_000; index++) {
            var draft = generator.generate(7, index);
            if (draft.operation.writes()) {
                assertThat(draft.invalid || draft.anchor != null).as(draft.describe()).isTrue();
            }
        }
    }

    @Test
    void the_specs_are_read_with_bodies_roles_and_parameters() {
        Map<String, Operation> operations = new HashMap<>();
        Operation.read(ROOT.resolve("api-specs/openapi")).forEach(o -> operations.put(o.id(), o));
        assertThat(operations.get("raiseChange").body().closed()).isTrue();
        assertThat(operations.get("raiseChange").roles()).contains("change-manager");
        assertThat(operations.get("listIncidents").in("query")).extracting(Operation.Parameter::name).contains("limit");
        assertThat(operations.get("receiveGithubDelivery").authenticated()).isFalse();
        assertThat(operations.get("receiveGithubDelivery").in("header")).extracting(Operation.Parameter::name)
                .contains("X-GitHub-Delivery");
    }

    private byte[] bytes(long seed, int index) {
        return generator.generate(seed, index).bytes("127.0.0.1:18080", role -> "token-of-" + role);
    }
}
