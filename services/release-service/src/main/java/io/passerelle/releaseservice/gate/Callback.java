package io.passerelle.releaseservice.gate;

/** Where a gate's decision is posted, and the key that signs it, sealed (never stored or carried in clear). */
public record Callback(String url, String secretSealed) {
}
