package org.glasshouse.serve;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code glasshouse.serve.*}: where the analysts' SQL endpoint listens and who may use it (defaults in
 * config/application.yml, documented in docs/sql.md).
 *
 * @param bind            address to listen on; anything but a loopback address needs a password (and should use TLS)
 * @param port            TCP port of the Flight SQL endpoint (0: any free port, written to OUT/private/serve.json)
 * @param refreshInterval how often serve looks for a newly completed run
 * @param username        the one user name clients authenticate with when a password is set
 * @param passwordEnv     name of the environment variable holding the password (never the password itself); when
 *                        that variable is set, every call must authenticate (Flight basic auth, then a bearer token)
 * @param tlsCertFile     PEM certificate chain; with tlsKeyFile, the endpoint speaks TLS (grpc+tls)
 * @param tlsKeyFile      PEM private key (PKCS#8) of that certificate
 */
@ConfigurationProperties(prefix = "glasshouse.serve")
public record ServeSettings(String bind, int port, Duration refreshInterval, String username, String passwordEnv,
                            String tlsCertFile, String tlsKeyFile) {

    public ServeSettings withAddress(String newBind, Integer newPort) {
        return new ServeSettings(newBind == null ? bind : newBind, newPort == null ? port : newPort, refreshInterval,
                username, passwordEnv, tlsCertFile, tlsKeyFile);
    }

    public boolean tls() {
        return tlsCertFile != null && !tlsCertFile.isBlank() && tlsKeyFile != null && !tlsKeyFile.isBlank();
    }
}
