package io.passerelle.console.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open pages' event streams. An event from a service becomes a signal naming only its kind ({@code change},
 * {@code deployment}, {@code incident}, {@code problem}, {@code freeze-window}); the page then reloads the region that
 * shows it, through the API and with its user's token. So a signal carries nothing a user may not see, and the
 * console keeps no copy of the services' data.
 */
@Component
public class LiveUpdates {

    static final Set<String> KINDS = Set.of("change", "deployment", "incident", "problem", "freeze-window", "release");
    static final int MAX_STREAMS = 2_000;
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final List<SseEmitter> streams = new CopyOnWriteArrayList<>();

    LiveUpdates(MeterRegistry meters) {
        meters.gaugeCollectionSize("passerelle.console.live.streams", List.of(), streams);
    }

    /** A new stream for one open page; a page past the limit gets none and works without live updates. */
    SseEmitter open() {
        var stream = new SseEmitter(Duration.ofMinutes(30).toMillis()); // the browser's EventSource reconnects
        if (streams.size() >= MAX_STREAMS) {
            stream.complete();
            return stream;
        }
        streams.add(stream);
        stream.onCompletion(() -> streams.remove(stream));
        stream.onTimeout(() -> streams.remove(stream));
        stream.onError(e -> streams.remove(stream));
        return stream;
    }

    /** Tells every open page that something of this event's kind changed. */
    public void signal(String eventType) {
        String kind = kind(eventType);
        if (kind == null) {
            return;
        }
        for (SseEmitter stream : streams) {
            send(stream, SseEmitter.event().name(kind).data(eventType));
        }
    }

    /** A comment every 20 s keeps idle streams open through proxies, and finds the closed ones. */
    @Scheduled(fixedDelay = 20_000)
    void heartbeat() {
        for (SseEmitter stream : streams) {
            send(stream, SseEmitter.event().comment("keep-alive"));
        }
    }

    int openStreams() {
        return streams.size();
    }

    static @org.jspecify.annotations.Nullable String kind(String eventType) {
        int dot = eventType.indexOf('.');
        String kind = dot < 0 ? eventType : eventType.substring(0, dot);
        return KINDS.contains(kind) ? kind : null;
    }

    private void send(SseEmitter stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.send(event);
        } catch (IOException | IllegalStateException gone) {
            log.debug("live stream closed: {}", gone.getMessage());
            streams.remove(stream);
        }
    }
}
