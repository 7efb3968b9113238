package io.passerelle.platform.inbox;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DeclaredHandlersTest {

    record Planned(String id) {
    }

    static class DeploymentHandlers {

        @HandlesEvent("deployment.planned.v1")
        void planned(Planned data) {
        }

        @HandlesEvent("deployment.failed.v1")
        void failed(Planned data, InboundEvent event) {
        }
    }

    static class AnotherPlannedHandler {
        @HandlesEvent("deployment.planned.v1")
        void planned(Planned data) {
        }
    }

    static class ReturnsSomething {
        @HandlesEvent("deployment.planned.v1")
        String planned(Planned data) {
            return "no";
        }
    }

    static class TakesOnlyTheEnvelope {
        @HandlesEvent("deployment.planned.v1")
        void planned(InboundEvent event) {
        }
    }

    @Test
    void several_handlers_of_one_class_are_found_by_type_before_any_bean_exists() {
        var beans = beans(DeploymentHandlers.class);

        var found = DeclaredHandlers.scan(beans);

        assertThat(found).containsOnlyKeys("deployment.failed.v1", "deployment.planned.v1");
        assertThat(found.get("deployment.failed.v1").wantsEnvelope()).isTrue();
        assertThat(found.get("deployment.planned.v1").dataType()).isEqualTo(Planned.class);
        assertThat(beans.getSingletonCount()).as("no bean created by the scan").isZero();
    }

    @Test
    void two_handlers_of_one_type_are_refused_at_start_up() {
        assertThatIllegalStateException()
                .isThrownBy(() -> DeclaredHandlers.scan(beans(DeploymentHandlers.class, AnotherPlannedHandler.class)))
                .withMessageContaining("Two handlers of deployment.planned.v1");
    }

    @Test
    void a_handler_must_be_void_and_take_the_data_record() {
        assertThatIllegalStateException().isThrownBy(() -> DeclaredHandlers.scan(beans(ReturnsSomething.class)))
                .withMessageContaining("must be void");
        assertThatIllegalStateException().isThrownBy(() -> DeclaredHandlers.scan(beans(TakesOnlyTheEnvelope.class)))
                .withMessageContaining("must be void");
    }

    private static DefaultListableBeanFactory beans(Class<?>... types) {
        var beans = new DefaultListableBeanFactory();
        for (var type : types) {
            beans.registerBeanDefinition(type.getSimpleName(), new RootBeanDefinition(type));
        }
        return beans;
    }
}
