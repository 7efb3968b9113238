package io.passerelle.releaseservice.gate;

/** This instance already holds as many waiting requests as it may; the caller asks again a little later. */
public final class TooManyWaitersException extends RuntimeException {

    TooManyWaitersException(int capacity) {
        super("this instance already holds " + capacity + " requests waiting for gate decisions; ask again in a few"
                + " seconds (or without wait, for the gate as it is now)");
    }
}
