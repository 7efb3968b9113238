package io.passerelle.changeservice.standardchange;

import java.util.List;
import java.util.Optional;

/** The outcome of matching a change against the standard-change templates: one template, or why none. */
public sealed interface Match permits Match.Matched, Match.NoMatch {

    /** The template that pre-approves the change, if one does. */
    Optional<TemplateRef> template();

    /** Why no template pre-approves the change, written for people; empty when one does. */
    List<String> reasons();

    record Matched(TemplateRef matched) implements Match {

        @Override
        public Optional<TemplateRef> template() {
            return Optional.of(matched);
        }

        @Override
        public List<String> reasons() {
            return List.of();
        }
    }

    record NoMatch(List<String> reasons) implements Match {

        public NoMatch {
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("no match needs a reason");
            }
            reasons = List.copyOf(reasons);
        }

        @Override
        public Optional<TemplateRef> template() {
            return Optional.empty();
        }
    }
}
