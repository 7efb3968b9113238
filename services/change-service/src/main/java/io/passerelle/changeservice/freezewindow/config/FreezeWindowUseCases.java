package io.passerelle.changeservice.freezewindow.config;

import java.time.Clock;

import io.passerelle.changeservice.freezewindow.ChangeCalendar;
import io.passerelle.changeservice.catalog.CatalogNames;
import io.passerelle.changeservice.freezewindow.DeclareFreezeWindow;
import io.passerelle.changeservice.freezewindow.EndFreezeWindow;
import io.passerelle.changeservice.freezewindow.FreezeCalendar;
import io.passerelle.changeservice.freezewindow.port.CalendarChanges;
import io.passerelle.changeservice.freezewindow.port.FreezeWindows;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The use cases and the calendars are plain Java; their transactions are the adapters' (the controllers' methods).
 * {@link FreezeCalendar} is also what the change lifecycle asks whether a change must wait for a freeze to end.
 */
@Configuration(proxyBeanMethods = false)
class FreezeWindowUseCases {

    @Bean
    DeclareFreezeWindow declareFreezeWindow(FreezeWindows windows, CatalogNames catalog, Clock clock) {
        return new DeclareFreezeWindow(windows, catalog, clock);
    }

    @Bean
    EndFreezeWindow endFreezeWindow(FreezeWindows windows, Clock clock) {
        return new EndFreezeWindow(windows, clock);
    }

    @Bean
    FreezeCalendar freezeCalendar(FreezeWindows windows) {
        return new FreezeCalendar(windows);
    }

    @Bean
    ChangeCalendar changeCalendar(FreezeCalendar freezes, CalendarChanges changes) {
        return new ChangeCalendar(freezes, changes);
    }
}
