package io.passerelle.changeservice.change.adapter.messaging;

import java.util.UUID;

import io.passerelle.changeservice.change.ResumeHeldChanges;
import io.passerelle.platform.inbox.HandlesEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A freeze window ended early: the changes it held are reconsidered at once, not when it would have ended. */
@Component
class FreezeWindowEventHandlers {

    private static final Logger log = LoggerFactory.getLogger(FreezeWindowEventHandlers.class);

    private final ResumeHeldChanges resume;

    FreezeWindowEventHandlers(ResumeHeldChanges resume) {
        this.resume = resume;
    }

    @HandlesEvent("freeze-window.ended.v1")
    void onEnded(FreezeWindowEnded data) {
        log.info("Freeze window {} ended: {} held changes reconsidered", data.windowId(), resume.heldBy(data.windowId()));
    }

    /** Only the field this service uses (tolerant reader). */
    record FreezeWindowEnded(UUID windowId) {
    }
}
