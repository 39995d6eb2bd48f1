package org.glasshouse.serve;

import java.io.File;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.auth2.BasicCallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.GeneratedBearerTokenAuthenticator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.glasshouse.cli.UsageException;

/**
 * The Flight SQL endpoint of serve. On a loopback address it may run without credentials (only users of this
 * machine reach it); on any other address it refuses to start unless a password is configured. With a password,
 * clients authenticate once with HTTP basic credentials (user glasshouse.serve.username, password from the
 * environment variable glasshouse.serve.password-env) and then use the bearer token Flight hands back.
 */
public final class AnalystServer implements AutoCloseable {

    private final BufferAllocator allocator;
    private final FlightServer server;
    private final AnalystFlightSqlProducer producer;

    private AnalystServer(BufferAllocator allocator, FlightServer server, AnalystFlightSqlProducer producer) {
        this.allocator = allocator;
        this.server = server;
        this.producer = producer;
    }

    /**
     * Starts listening.
     *
     * @param password the password clients must give, or null for none (loopback addresses only)
     * @throws UsageException for a non-loopback address without a password, or an address that cannot be bound
     */
    public static AnalystServer start(ServedViews views, RunMetricsAction runMetrics, ServeSettings settings,
                                      String password) throws java.io.IOException {
        if ((password == null || password.isEmpty()) && !isLoopback(settings.bind())) {
            throw new UsageException("serve refuses to listen on " + settings.bind() + " without a password: set the "
                    + "environment variable " + settings.passwordEnv() + " (clients log in as '" + settings.username()
                    + "'), and preferably glasshouse.serve.tls-cert-file and tls-key-file, or bind 127.0.0.1");
        }
        BufferAllocator allocator = new RootAllocator();
        AnalystFlightSqlProducer producer = new AnalystFlightSqlProducer(views, allocator, runMetrics);
        Location location = settings.tls() ? Location.forGrpcTls(settings.bind(), settings.port())
                : Location.forGrpcInsecure(settings.bind(), settings.port());
        FlightServer.Builder b = FlightServer.builder(allocator, location, producer);
        if (settings.tls()) b.useTls(new File(settings.tlsCertFile()), new File(settings.tlsKeyFile()));
        if (password != null && !password.isEmpty()) {
            b.headerAuthenticator(new GeneratedBearerTokenAuthenticator(
                    new BasicCallHeaderAuthenticator(credentials(settings.username(), password))));
        }
        FlightServer server = b.build();
        try {
            server.start();
        } catch (java.io.IOException e) {
            close(server, producer, allocator);
            throw new UsageException("serve cannot listen on " + settings.bind() + ":" + settings.port() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        return new AnalystServer(allocator, server, producer);
    }

    public int port() {
        return server.getPort();
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        close(server, producer, allocator);
    }

    private static void close(FlightServer server, AnalystFlightSqlProducer producer, BufferAllocator allocator) {
        try {
            server.close();
            producer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // shutting down: nothing else to do with it
        }
        allocator.close();
    }

    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static BasicCallHeaderAuthenticator.CredentialValidator credentials(String username, String password) {
        byte[] expectedUser = username.getBytes(StandardCharsets.UTF_8);
        byte[] expectedPassword = password.getBytes(StandardCharsets.UTF_8);
        return (user, given) -> {
            // Both compared in constant time, so timing does not tell which part was wrong.
            boolean userOk = MessageDigest.isEqual(expectedUser, user.getBytes(StandardCharsets.UTF_8));
            boolean passwordOk = MessageDigest.isEqual(expectedPassword, given.getBytes(StandardCharsets.UTF_8));
            if (!(userOk & passwordOk)) {
                throw org.apache.arrow.flight.CallStatus.UNAUTHENTICATED.withDescription("wrong user or password")
                        .toRuntimeException();
            }
            CallHeaderAuthenticator.AuthResult result = () -> user;
            return result;
        };
    }
}
