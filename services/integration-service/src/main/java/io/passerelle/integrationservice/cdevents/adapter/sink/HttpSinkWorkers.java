package io.passerelle.integrationservice.cdevents.adapter.sink;

import java.util.List;

import io.passerelle.integrationservice.cdevents.port.CdEventRelay;
import org.springframework.context.SmartLifecycle;

/** The workers of every configured sink, started, stopped and woken together (none when no sink is configured). */
public class HttpSinkWorkers implements CdEventRelay, SmartLifecycle {

    private final List<HttpSinkWorker> workers;
    private volatile boolean running;

    public HttpSinkWorkers(List<HttpSinkWorker> workers) {
        this.workers = List.copyOf(workers);
    }

    @Override
    public void wakeUpAfterCommit() {
        workers.forEach(HttpSinkWorker::wakeUpAfterCommit);
    }

    @Override
    public void start() {
        workers.forEach(HttpSinkWorker::start);
        running = true;
    }

    @Override
    public void stop() {
        workers.forEach(HttpSinkWorker::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
