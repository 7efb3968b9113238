package io.passerelle.e2e.faults;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.passerelle.e2e.Stack;
import io.passerelle.testkit.DeployTarget;

/** One fault to inject into the e2e stack; {@link #inject} returns once what it broke may recover (a killed app is up). */
sealed interface Fault {

    String VHOST = "passerelle-e2e";
    List<String> SERVICES = List.of("integration-service", "change-service", "release-service", "incident-service");

    String name();

    /** Injects the fault; says what it hit. */
    String inject(Stack stack);

    /**
     * {@code rounds} times: each service SIGKILLed and started again, the broker's connections closed, the database's
     * backends terminated — interleaved, integration-service first (its lease decides when a lost call is repeated),
     * and killed the moment one of {@code targets} accepts a call from it, before it hears the answer.
     */
    static List<Fault> plan(int rounds, List<DeployTarget> targets) {
        var plan = new ArrayList<Fault>();
        for (int round = 0; round < rounds; round++) {
            plan.add(new Kill(SERVICES.get(0), targets));
            plan.add(new CloseBrokerConnections());
            plan.add(new Kill(SERVICES.get(1), List.of()));
            plan.add(new TerminateDatabaseBackends());
            plan.add(new Kill(SERVICES.get(2), List.of()));
            plan.add(new Kill(SERVICES.get(3), List.of()));
        }
        return plan;
    }

    /**
     * SIGKILL, no warning; then started again as an operator's supervisor would, and waited for until ready. With
     * {@code midCall} targets, the kill waits (up to 20 s) for one of them to accept a call and strikes before it
     * answers: the caller dies between the target's acceptance and recording it.
     */
    record Kill(String app, List<DeployTarget> midCall) implements Fault {

        @Override
        public String name() {
            return "kill " + app + (midCall.isEmpty() ? "" : " mid-call");
        }

        @Override
        public String inject(Stack stack) {
            var done = new AtomicBoolean();
            var struck = new CountDownLatch(1);
            Runnable kill = () -> {
                if (done.compareAndSet(false, true)) {
                    stack.killNow(app);
                    struck.countDown();
                }
            };
            midCall.forEach(target -> target.beforeNextAcceptance(kill));
            boolean duringCall;
            try {
                duringCall = !midCall.isEmpty() && struck.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            midCall.forEach(target -> target.beforeNextAcceptance(null));
            kill.run();
            long killed = System.nanoTime();
            stack.start(app);
            return (duringCall ? "killed as a target accepted its call, " : midCall.isEmpty() ? ""
                    : "no call accepted within 20 s, killed between calls, ")
                    + String.format("down %.1f s", (System.nanoTime() - killed) / 1e9);
        }
    }

    /** Every AMQP connection of the e2e vhost closed by the broker (publishers, consumers, confirms in flight). */
    record CloseBrokerConnections() implements Fault {

        @Override
        public String name() {
            return "close RabbitMQ connections";
        }

        @Override
        public String inject(Stack stack) {
            int connections = rabbitmqctl("list_connections", "-p", VHOST, "name").lines()
                    .filter(line -> line.contains("->")).toList().size();
            rabbitmqctl("close_all_connections", "-p", VHOST, "fault injection");
            return connections + " connections closed";
        }
    }

    /** Every PostgreSQL backend connected to the e2e database terminated (the services' pools lose every connection). */
    record TerminateDatabaseBackends() implements Fault {

        @Override
        public String name() {
            return "terminate PostgreSQL backends";
        }

        @Override
        public String inject(Stack stack) {
            try (var connection = DriverManager.getConnection(Records.DATABASE, "postgres", "");
                 var statement = connection.createStatement();
                 var result = statement.executeQuery("select count(*) filter (where pg_terminate_backend(pid))"
                         + " from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
                result.next();
                return result.getLong(1) + " backends terminated";
            } catch (SQLException e) {
                throw new IllegalStateException("cannot terminate the backends of " + Records.DATABASE + ": " + e.getMessage(), e);
            }
        }
    }

    /** Runs rabbitmqctl quietly; its output, or an exception saying why it failed. */
    static String rabbitmqctl(String... arguments) {
        var command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(arguments));
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("rabbitmqctl cannot be run here: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
