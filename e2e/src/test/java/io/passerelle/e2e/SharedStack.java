package io.passerelle.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the e2e stack once for all the end-to-end classes of a run ({@code up --fresh}, before the first of them) and
 * stops it when the run ends: each class costs its tests, not another start of Keycloak and five apps.
 */
public final class SharedStack implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedStack.class, key -> new Running(Stack.fromEnvironment()), Running.class);
    }

    /** Closed by JUnit with the root context, after the last class. */
    private record Running(Stack stack) implements AutoCloseable {

        Running {
            try {
                stack.up();
            } catch (RuntimeException e) {
                stack.down(); // what did start must not outlive the run
                throw e;
            }
        }

        @Override
        public void close() {
            stack.down();
        }
    }
}
