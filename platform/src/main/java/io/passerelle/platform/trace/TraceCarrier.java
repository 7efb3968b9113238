package io.passerelle.platform.trace;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a trace across a hop that is not a call: the outbox row between the transaction that wrote it and the
 * relay that publishes it, and the message between the relay and the consumer. The context travels as W3C trace
 * context fields ({@code traceparent}, {@code tracestate}), the same fields an HTTP call carries.
 */
public class TraceCarrier {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceCarrier(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The fields of the current trace context; empty when nothing is traced. */
    public Map<String, String> current() {
        var context = tracer.currentTraceContext().context();
        var fields = new LinkedHashMap<String, String>();
        if (context != null) {
            propagator.inject(context, fields, Map::put);
        }
        return fields;
    }

    /** Starts a span of the given kind whose parent is the context in {@code fields} (a new trace when none). */
    public Span start(Map<String, String> fields, String name, Span.Kind kind) {
        return propagator.extract(fields, Map::get).name(name).kind(kind).start();
    }

    /** The fields that carry {@code span} to the next hop. */
    public Map<String, String> fieldsOf(Span span) {
        var fields = new LinkedHashMap<String, String>();
        propagator.inject(span.context(), fields, Map::put);
        return fields;
    }

    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }
}
