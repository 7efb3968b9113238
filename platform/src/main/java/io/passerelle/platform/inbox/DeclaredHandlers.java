package io.passerelle.platform.inbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/** The {@link HandlesEvent} methods of a service's beans, one per event type, found from the bean definitions. */
final class DeclaredHandlers {

    private DeclaredHandlers() {
    }

    /** A declared handler: where it is, before any bean is created. */
    record Declaration(String type, String beanName, Method method) {

        Class<?> dataType() {
            return method.getParameterTypes()[0];
        }

        boolean wantsEnvelope() {
            return method.getParameterCount() == 2;
        }
    }

    /** Every declaration, by type; fails on a malformed handler or on two handlers of one type. */
    static SortedMap<String, Declaration> scan(ConfigurableListableBeanFactory beans) {
        var found = new TreeMap<String, Declaration>();
        for (var name : beans.getBeanDefinitionNames()) {
            var type = beans.getType(name, false);
            if (type == null) {
                continue;
            }
            Map<Method, HandlesEvent> methods = MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
                    (MethodIntrospector.MetadataLookup<HandlesEvent>) m ->
                            AnnotatedElementUtils.findMergedAnnotation(m, HandlesEvent.class));
            methods.forEach((method, annotation) -> {
                var declaration = new Declaration(annotation.value(), name, method);
                check(declaration);
                var other = found.put(declaration.type(), declaration);
                if (other != null) {
                    throw new IllegalStateException("Two handlers of " + declaration.type() + ": " + describe(other)
                            + " and " + describe(declaration));
                }
            });
        }
        return found;
    }

    private static void check(Declaration d) {
        var parameters = d.method().getParameterTypes();
        boolean valid = (parameters.length == 1 || (parameters.length == 2 && parameters[1] == InboundEvent.class))
                && parameters[0] != InboundEvent.class && d.method().getReturnType() == void.class;
        if (!valid || d.type().isBlank()) {
            throw new IllegalStateException("@HandlesEvent(\"" + d.type() + "\") " + describe(d)
                    + " must be void, take the event's data record, and optionally the InboundEvent");
        }
    }

    private static String describe(Declaration d) {
        return d.method().getDeclaringClass().getSimpleName() + "." + d.method().getName();
    }

    /** A declaration bound to its bean, ready to run. */
    record Handler(Declaration declaration, Object bean, Method invocable) {

        static Handler bind(Declaration declaration, Object bean) {
            var invocable = org.springframework.aop.support.AopUtils.selectInvocableMethod(declaration.method(),
                    bean.getClass());
            ReflectionUtils.makeAccessible(invocable);
            return new Handler(declaration, bean, invocable);
        }

        void handle(InboundEvent event) {
            var data = event.dataAs(declaration.dataType());
            try {
                if (declaration.wantsEnvelope()) {
                    invocable.invoke(bean, data, event);
                } else {
                    invocable.invoke(bean, data);
                }
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
