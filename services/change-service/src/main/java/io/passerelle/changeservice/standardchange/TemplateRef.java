package io.passerelle.changeservice.standardchange;

import java.util.UUID;

/** Which template, in which version, authorized a standard change. */
public record TemplateRef(UUID id, int version, String name) {

    /** {@code template 'Low-risk web deploys' v2}, as reasons and audit lines name it. */
    @Override
    public String toString() {
        return "template '" + name + "' v" + version;
    }
}
