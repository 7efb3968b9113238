package io.passerelle.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * Request {@code index} of a run with seed {@code seed}: an operation of the specs, picked at random, its valid call
 * from the fixture, one mutation picked by weight among those that apply, and the fixture's anchor when the mutation
 * leaves a call that writes within its contract. The same seed and index give the same request.
 */
final class Generator {

    private final List<Operation> operations;
    private final Fixture fixture;
    private final List<Mutation> mutations = new ArrayList<>();

    Generator(List<Operation> operations, Fixture fixture) {
        this.operations = List.copyOf(operations);
        this.fixture = fixture;
        mutations.addAll(BodyMutations.all());
        mutations.addAll(RequestMutations.all());
    }

    List<Mutation> mutations() {
        return mutations;
    }

    Draft generate(long seed, int index) {
        var random = Fuzz.random(seed, index);
        return generate(Fuzz.pick(random, operations), random, index);
    }

    /** A call of that operation, bent by a mutation it admits, drawn from {@code random}. */
    Draft generate(Operation operation, SplittableRandom random, int index) {
        for (int attempt = 0; attempt < 50; attempt++) {
            var draft = bent(index, operation, pick(random), random);
            if (draft != null) {
                return draft;
            }
        }
        // weighted picks can miss the few mutations a small operation admits (a GET with two parameters): try each
        for (var mutation : mutations) {
            var draft = bent(index, operation, mutation, random);
            if (draft != null) {
                return draft;
            }
        }
        throw new IllegalStateException("no mutation applies to " + operation);
    }

    /** The operation's valid call bent by the mutation, or null when the mutation does not apply to it. */
    private @Nullable Draft bent(int index, Operation operation, Mutation mutation, SplittableRandom random) {
        var draft = new Draft(index, operation);
        fixture.start(draft, random);
        if (!mutation.bender().bend(draft, random)) {
            return null;
        }
        if (!draft.invalid && operation.writes() && !fixture.anchor(draft, random)) {
            return null;
        }
        return draft;
    }

    private Mutation pick(SplittableRandom random) {
        double total = mutations.stream().mapToDouble(Mutation::weight).sum();
        double at = random.nextDouble() * total;
        for (var mutation : mutations) {
            at -= mutation.weight();
            if (at < 0) {
                return mutation;
            }
        }
        return mutations.getLast();
    }
}
