package io.passerelle.changeservice.freezewindow;

import java.util.List;

/** A freeze window and those of its occurrences that fall in the range asked for, in order. */
public record ScheduledFreeze(FreezeWindow window, List<Occurrence> occurrences) {

    public ScheduledFreeze {
        occurrences = List.copyOf(occurrences);
    }
}
