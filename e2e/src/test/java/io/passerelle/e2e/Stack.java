package io.passerelle.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Drives infra/bin/stack with PASSERELLE_STACK=e2e: its own ports (+10000), database and RabbitMQ vhost. */
public final class Stack {

    public static final int OFFSET = 10_000;
    public static final String GATEWAY = "http://127.0.0.1:" + (8080 + OFFSET);
    public static final String KEYCLOAK = "http://127.0.0.1:" + (8180 + OFFSET);
    public static final String ZIPKIN = "http://127.0.0.1:" + (9411 + OFFSET);

    private final Path root;
    private final File log;

    Stack(Path root) {
        this.root = root;
        this.log = root.resolve("e2e/target/stack.log").toFile();
    }

    public Path root() {
        return root;
    }

    public static Stack fromEnvironment() {
        var configured = System.getenv("PASSERELLE_ROOT");
        var root = configured != null ? Path.of(configured) : Path.of("..").toAbsolutePath().normalize();
        return new Stack(root);
    }

    void up() {
        run(List.of("up", "--fresh"), 600);
    }

    void down() {
        run(List.of("down"), 120);
    }

    void kill(String app) {
        run(List.of("kill", app), 60);
    }

    /** SIGKILL at once (no script in between), so that the app dies exactly where it is. */
    public void killNow(String app) {
        try {
            long pid = Long.parseLong(java.nio.file.Files.readString(root.resolve(".run/e2e/" + app + ".pid")).trim());
            var process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(app + " is not running"));
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot kill " + app, e);
        }
    }

    /** Messages ready or unacknowledged in a queue of the e2e vhost, from rabbitmqctl; -1 without rabbitmqctl. */
    static int queueDepth(String queue) {
        return queueDepths().getOrDefault(queue, -1);
    }

    /** Messages ready or unacknowledged in each queue of the e2e vhost, from rabbitmqctl; empty without rabbitmqctl. */
    public static java.util.Map<String, Integer> queueDepths() {
        try {
            var process = new ProcessBuilder("rabbitmqctl", "-q", "list_queues", "-p", "passerelle-e2e", "name", "messages")
                    .redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes());
            process.waitFor(30, TimeUnit.SECONDS);
            var depths = new java.util.TreeMap<String, Integer>();
            output.lines().map(line -> line.trim().split("\\s+"))
                    .filter(cols -> cols.length == 2 && cols[1].matches("\\d+"))
                    .forEach(cols -> depths.put(cols[0], Integer.parseInt(cols[1])));
            return depths;
        } catch (IOException e) {
            return java.util.Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Map.of();
        }
    }

    /** Starts the app if it is not running and waits until it is ready. */
    public void start(String app) {
        run(List.of("start", app), 240);
    }

    private void run(List<String> args, int timeoutSeconds) {
        var command = new java.util.ArrayList<>(List.of("bash", root.resolve("infra/bin/stack").toString()));
        command.addAll(args);
        var builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().put("PASSERELLE_STACK", "e2e");
        builder.environment().put("PASSERELLE_TRACING", "1"); // Zipkin on 19411: the suite asserts whole traces
        try {
            var process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("stack " + args + " timed out; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("stack " + args + " failed (" + process.exitValue() + "); see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
