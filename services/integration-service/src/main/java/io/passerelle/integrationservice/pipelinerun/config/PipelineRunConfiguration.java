package io.passerelle.integrationservice.pipelinerun.config;

import java.time.Clock;

import io.passerelle.integrationservice.catalog.port.CatalogedServices;
import io.passerelle.integrationservice.pipelinerun.ReportPipelineRun;
import io.passerelle.integrationservice.pipelinerun.port.PipelineRuns;
import io.passerelle.platform.event.EventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PipelineRunConfiguration {

    @Bean
    ReportPipelineRun reportPipelineRun(CatalogedServices catalog, PipelineRuns runs, EventPublisher events,
            Clock clock) {
        return new ReportPipelineRun(catalog, runs, events, clock);
    }
}
