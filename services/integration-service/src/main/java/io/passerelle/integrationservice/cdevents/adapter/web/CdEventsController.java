package io.passerelle.integrationservice.cdevents.adapter.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.passerelle.integrationservice.api.CdeventsOutApi;
import io.passerelle.integrationservice.api.model.CdEventDelivery;
import io.passerelle.integrationservice.api.model.ProducedCdEvent;
import io.passerelle.integrationservice.cdevents.ReplayCdEventDelivery;
import io.passerelle.integrationservice.cdevents.port.CdEventLog;
import io.passerelle.platform.security.Roles;
import io.passerelle.platform.web.ApiTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
class CdEventsController implements CdeventsOutApi {

    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private final CdEventLog log;
    private final ReplayCdEventDelivery replay;
    private final JsonMapper json;
    private final Clock clock;

    CdEventsController(CdEventLog log, ReplayCdEventDelivery replay, JsonMapper json, Clock clock) {
        this.log = log;
        this.replay = replay;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    @Transactional(readOnly = true)
    public ResponseEntity<List<ProducedCdEvent>> listCdEvents(@Nullable OffsetDateTime since, @Nullable String type,
            @Nullable String subject, Integer limit) {
        var from = since == null ? clock.instant().minus(DEFAULT_WINDOW) : since.toInstant();
        return ResponseEntity.ok(log.since(from, type, subject, limit).stream().map(this::produced).toList());
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    @Transactional
    public ResponseEntity<CdEventDelivery> replayCdEventDelivery(UUID id, String destination) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(delivery(replay.replay(id, destination)));
    }

    private ProducedCdEvent produced(CdEventLog.Produced p) {
        Map<String, Object> cdevent = json.readValue(p.cdevent(), new TypeReference<>() { });
        return new ProducedCdEvent(p.id(), p.type(), p.source(), p.subject(), ApiTime.utc(p.time()), cdevent,
                p.deliveries().stream().map(CdEventsController::delivery).toList());
    }

    private static CdEventDelivery delivery(CdEventLog.DeliveryState d) {
        return new CdEventDelivery(d.destination(), CdEventDelivery.StateEnum.fromValue(d.state().name()),
                d.attempts()).deliveredAt(d.deliveredAt() == null ? null : ApiTime.utc(d.deliveredAt()))
                .reason(d.reason());
    }
}
