package io.passerelle.integrationservice.executor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** A real HTTP deploy target on 127.0.0.1 that records what it receives and answers the given statuses in turn. */
public final class FakeDeployTarget implements AutoCloseable {

    /** @param nanos when it arrived ({@link System#nanoTime()}) */
    public record Received(Map<String, List<String>> headers, byte[] body, long nanos) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final int[] statuses;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile CountDownLatch answer = new CountDownLatch(0);

    /** The last status repeats for every further call. */
    public FakeDeployTarget(int... statuses) throws IOException {
        this.statuses = statuses;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/deploy", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
            try {
                answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = this.statuses[Math.min(calls.getAndIncrement(), this.statuses.length - 1)];
            byte[] answer = "{}".getBytes();
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/deploy";
    }

    public String authority() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests received from now on are recorded at once but answered only after {@link #answer()}. */
    void holdAnswers() {
        answer = new CountDownLatch(1);
    }

    void answer() {
        answer.countDown();
    }

    @Override
    public void close() {
        answer();
        server.stop(0);
    }
}
