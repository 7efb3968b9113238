package io.passerelle.changeservice.change;

import java.util.List;
import java.util.Objects;

import io.passerelle.changeservice.risk.RiskAssessment;
import io.passerelle.changeservice.standardchange.TemplateRef;
import org.jspecify.annotations.Nullable;

/**
 * How a change was assessed as it was raised: its live risk and, for a change a pipeline raised, the standard-change
 * template that pre-approves it or the reasons none does.
 */
public record Assessment(RiskAssessment risk, @Nullable TemplateRef template, List<String> reasons) {

    public Assessment {
        Objects.requireNonNull(risk, "risk");
        reasons = List.copyOf(reasons);
    }

    /** A change raised by hand: templates do not apply to it. */
    public static Assessment byHand(RiskAssessment risk) {
        return new Assessment(risk, null, List.of());
    }
}
