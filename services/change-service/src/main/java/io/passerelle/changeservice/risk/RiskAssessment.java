package io.passerelle.changeservice.risk;

import java.time.Instant;
import java.util.List;

/** How risky a change to a service in an environment is at an instant: 0 (none) to 100, and why, factor by factor. */
public record RiskAssessment(int score, List<RiskFactor> factors, Instant assessedAt) {

    public RiskAssessment {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("a risk score is 0 to 100, not " + score);
        }
        factors = List.copyOf(factors);
    }
}
