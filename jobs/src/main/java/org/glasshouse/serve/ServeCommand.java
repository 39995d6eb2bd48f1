package org.glasshouse.serve;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.serve.client.ServeState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve [--out DIR] [--port N] [--bind ADDR]}: holds a warm Spark session with the analyst views of OUT and
 * answers SQL over Arrow Flight SQL until stopped (Ctrl-C or SIGTERM). Looks for a newly completed run every
 * glasshouse.serve.refresh-interval and swaps the views in when one appears. Writes OUT/private/serve.json so that
 * {@code sql} and {@code run metrics} on this machine find it; removes it on the way out.
 */
public final class ServeCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    private ServeCommand() {}

    public static int run(SparkSession spark, Path out, ServeSettings settings, RunMetricsAction runMetrics)
            throws Exception {
        Optional<ServeState> running = ServeState.find(out);
        if (running.isPresent()) {
            System.err.println("serve is already running on " + out + " (pid " + running.get().pid() + ", port "
                    + running.get().port() + "); not starting a second one.");
            return 3;
        }
        String password = System.getenv(settings.passwordEnv());
        ServedViews views = new ServedViews(spark, out, true);
        views.refresh();
        try (AnalystServer server = AnalystServer.start(views, runMetrics, settings, password)) {
            long pid = ProcessHandle.current().pid();
            String host = AnalystServer.isLoopback(settings.bind()) || settings.bind().equals("0.0.0.0")
                    || settings.bind().equals("::") ? "127.0.0.1" : settings.bind();
            boolean auth = password != null && !password.isEmpty();
            ServeState state = new ServeState(pid, host, server.port(), settings.tls() ? settings.tlsCertFile() : "",
                    auth ? settings.username() : "", auth ? settings.passwordEnv() : "", runId(views));
            state.write(out);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ServeState.remove(out, pid), "serve-state"));
            LauncherEndpoint launcher = LauncherEndpoint.start(out);
            launcher.advertise(out, pid);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LauncherEndpoint.remove(out, pid);
                launcher.close();
            }, "serve-launcher-state"));
            ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "serve-refresh");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(1, settings.refreshInterval().toMillis());
            refresher.scheduleWithFixedDelay(() -> refresh(views, state, out), every, every, TimeUnit.MILLISECONDS);
            System.out.printf("Glasshouse serve: Flight SQL on %s://%s:%d (%s), %s. JDBC: "
                            + "jdbc:arrow-flight-sql://%s:%d?useEncryption=%s. Ctrl-C stops.%n",
                    settings.tls() ? "grpc+tls" : "grpc", settings.bind(), server.port(),
                    auth ? "user " + settings.username() + ", password from " + settings.passwordEnv() : "no password",
                    views(views), host, server.port(), settings.tls());
            server.awaitTermination();
            refresher.shutdownNow();
        }
        return 0;
    }

    private static void refresh(ServedViews views, ServeState state, Path out) {
        try {
            if (views.refresh()) {
                LOG.info("serve: {}", views(views));
                new ServeState(state.pid(), state.host(), state.port(), state.tlsCertFile(), state.username(),
                        state.passwordEnv(), runId(views)).write(out);
            }
        } catch (RuntimeException | java.io.IOException e) {
            // A run being written, or a transient read error: keep serving the views we have and try again later.
            LOG.warn("serve: views not refreshed ({}); still serving the previous ones", e.getMessage());
        }
    }

    private static long runId(ServedViews views) {
        try {
            return views.current().runId();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String views(ServedViews views) {
        try {
            ServedViews.Snapshot s = views.current();
            return s.views().size() + " views of run " + s.runId();
        } catch (RuntimeException e) {
            return "no completed run yet (views appear when a nightly completes)";
        }
    }
}
