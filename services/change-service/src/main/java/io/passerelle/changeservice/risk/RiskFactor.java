package io.passerelle.changeservice.risk;

/**
 * One factor of a risk score: its weight (points out of 100), its value (what was measured, normalised to 0..1,
 * 3 decimals), its contribution to the score (weight × value, 2 decimals) and what was measured, in words.
 */
public record RiskFactor(String name, int weight, double value, double contribution, String explanation) {

    public RiskFactor {
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException("a factor's value is normalised to 0..1, not " + value);
        }
    }
}
