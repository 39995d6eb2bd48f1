package org.glasshouse.serve.client;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** Queries a running serve over Arrow Flight SQL (the same protocol BI tools and notebooks use). */
public final class FlightQueries implements QueryBackend {

    /** Flight action that runs {@code run metrics} in serve's warm session. */
    public static final String RUN_METRICS = "glasshouse.run-metrics";
    private static final int PROBE_SECONDS = 60;

    private final BufferAllocator allocator;
    private final FlightClient client;
    private final FlightSqlClient sql;
    private final CallOption[] options;
    private final String where;

    private FlightQueries(BufferAllocator allocator, FlightClient client, CallOption[] options, String where) {
        this.allocator = allocator;
        this.client = client;
        this.sql = new FlightSqlClient(client);
        this.options = options;
        this.where = where;
    }

    /**
     * Connects and checks serve answers (authenticating if it asks for a password).
     *
     * @throws Unavailable when nothing answers (the caller falls back to a local session)
     */
    public static FlightQueries connect(ServeState state) {
        BufferAllocator allocator = new RootAllocator();
        FlightClient client = null;
        try {
            boolean tls = !state.tlsCertFile().isEmpty();
            Location at = tls ? Location.forGrpcTls(state.host(), state.port())
                    : Location.forGrpcInsecure(state.host(), state.port());
            FlightClient.Builder b = FlightClient.builder(allocator, at);
            if (tls) {
                try (InputStream cert = new FileInputStream(state.tlsCertFile())) {
                    b.trustedCertificates(cert);
                }
            }
            client = b.build();
            List<CallOption> opts = new ArrayList<>();
            if (state.auth()) {
                String password = System.getenv(state.passwordEnv());
                if (password == null || password.isEmpty()) {
                    throw new QueryFailed("serve on " + state.host() + ":" + state.port() + " asks for a password: set "
                            + state.passwordEnv() + " (user " + state.username() + ")");
                }
                opts.add(client.authenticateBasicToken(state.username(), password)
                        .orElseThrow(() -> new QueryFailed("serve gave no session token")));
            } else {
                // A cheap call that proves serve answers. The deadline only keeps a hung process from hanging the
                // client: a busy machine may take seconds, and a slow answer beats a 15 s local session.
                client.listActions(CallOptions.timeout(PROBE_SECONDS, TimeUnit.SECONDS)).forEach(a -> { });
            }
            return new FlightQueries(allocator, client, opts.toArray(CallOption[]::new),
                    "serve on " + state.host() + ":" + state.port() + " (pid " + state.pid() + ")");
        } catch (FlightRuntimeException e) {
            close(client, allocator);
            if (e.status().code() == FlightStatusCode.UNAVAILABLE) throw new Unavailable(e.getMessage());
            if (e.status().code() == FlightStatusCode.TIMED_OUT) {
                throw new QueryFailed("serve (pid " + state.pid() + ") did not answer within " + PROBE_SECONDS
                        + " s; stop it or use --local");
            }
            if (e.status().code() == FlightStatusCode.UNAUTHENTICATED) {
                throw new QueryFailed("serve refused the credentials in " + state.passwordEnv());
            }
            throw new QueryFailed(describe(e));
        } catch (IOException | RuntimeException e) {
            close(client, allocator);
            if (e instanceof QueryFailed q) throw q;
            throw new QueryFailed("cannot connect to serve: " + e.getMessage());
        }
    }

    @Override
    public void query(String query, int maxRows, BatchSink sink) {
        try {
            FlightInfo info = sql.execute(query, options);
            boolean started = false;
            for (FlightEndpoint endpoint : info.getEndpoints()) {
                try (FlightStream stream = sql.getStream(endpoint.getTicket(), options)) {
                    VectorSchemaRoot root = stream.getRoot();
                    if (!started) sink.start(root);
                    started = true;
                    while (stream.next()) {
                        if (root.getRowCount() > 0 && !sink.batch(root)) {
                            stream.cancel("the client has the rows it wants", null);
                            return;
                        }
                    }
                }
            }
            if (!started) {
                try (VectorSchemaRoot empty = VectorSchemaRoot.create(info.getSchema(), allocator)) {
                    sink.start(empty);
                }
            }
        } catch (FlightRuntimeException e) {
            throw new QueryFailed(describe(e));
        } catch (QueryFailed e) {
            throw e;
        } catch (Exception e) {
            throw new QueryFailed("reading the result failed: " + e);
        }
    }

    @Override
    public Schema schema(String query) {
        try {
            return sql.getExecuteSchema(query, options).getSchema();
        } catch (FlightRuntimeException e) {
            throw new QueryFailed(describe(e));
        }
    }

    @Override
    public List<String> views() {
        List<String> names = new ArrayList<>();
        try {
            FlightInfo info = sql.getTables(null, null, null, null, false, options);
            for (FlightEndpoint endpoint : info.getEndpoints()) {
                try (FlightStream stream = sql.getStream(endpoint.getTicket(), options)) {
                    while (stream.next()) {
                        VarCharVector v = (VarCharVector) stream.getRoot().getVector("table_name");
                        for (int i = 0; i < stream.getRoot().getRowCount(); i++) names.add(v.getObject(i).toString());
                    }
                }
            }
        } catch (FlightRuntimeException e) {
            throw new QueryFailed(describe(e));
        } catch (Exception e) {
            throw new QueryFailed("listing the views failed: " + e);
        }
        return names.stream().sorted().toList();
    }

    /**
     * Runs {@code run metrics} inside serve. Options are sent as a properties text; the answer is the exit code,
     * then what the command printed to standard output and to standard error.
     */
    public String[] runMetrics(Properties request) {
        try {
            java.io.StringWriter w = new java.io.StringWriter();
            request.store(w, null);
            Iterator<Result> results = client.doAction(
                    new Action(RUN_METRICS, w.toString().getBytes(StandardCharsets.UTF_8)), options);
            List<String> parts = new ArrayList<>();
            results.forEachRemaining(r -> parts.add(new String(r.getBody(), StandardCharsets.UTF_8)));
            return parts.toArray(String[]::new);
        } catch (FlightRuntimeException e) {
            throw new QueryFailed(describe(e));
        } catch (IOException e) {
            throw new QueryFailed(e.getMessage());
        }
    }

    @Override
    public String description() {
        return where;
    }

    @Override
    public void close() {
        close(client, allocator);
    }

    private static void close(FlightClient client, BufferAllocator allocator) {
        try {
            if (client != null) client.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        allocator.close();
    }

    private static String describe(FlightRuntimeException e) {
        String d = e.status().description();
        return d == null || d.isBlank() ? e.status().code() + ": " + e.getMessage() : d;
    }

    /** Nothing answers at the address serve.json names. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
