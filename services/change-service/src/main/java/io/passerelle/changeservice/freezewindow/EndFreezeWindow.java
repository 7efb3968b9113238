package io.passerelle.changeservice.freezewindow;

import java.time.Clock;
import java.util.UUID;

import io.passerelle.changeservice.freezewindow.port.FreezeWindows;
import io.passerelle.platform.domain.NotFoundException;

/** A change manager ends a freeze window now; the window says whether it can be (409 if ended already or over). */
public class EndFreezeWindow {

    private final FreezeWindows windows;
    private final Clock clock;

    public EndFreezeWindow(FreezeWindows windows, Clock clock) {
        this.windows = windows;
        this.clock = clock;
    }

    public FreezeWindow end(UUID id, String by) {
        var window = windows.find(id).orElseThrow(() -> new NotFoundException("Freeze window", id));
        window.end(by, clock.instant());
        windows.save(window);
        return windows.find(id).orElseThrow();
    }
}
