package io.passerelle.e2e.fuzz;

import java.util.SplittableRandom;

/** One way of bending a valid call; {@link Bender#bend} answers false where it does not apply to the call. */
record Mutation(String name, double weight, Bender bender) {

    interface Bender {
        boolean bend(Draft draft, SplittableRandom random);
    }
}
