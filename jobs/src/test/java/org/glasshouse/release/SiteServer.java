package org.glasshouse.release;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Serves a release folder on 127.0.0.1 (ephemeral port) as a static web server would, noting every 404. */
final class SiteServer implements AutoCloseable {

    final String base;
    final List<String> notFound = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;

    SiteServer(Path site) throws IOException {
        Path root = site.toRealPath();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = URI.create(ex.getRequestURI().getPath()).normalize().getPath().substring(1);
            Path f = root.resolve(path.isEmpty() ? "index.html" : path).normalize();
            if (!f.startsWith(root) || !Files.isRegularFile(f)) {
                if (!path.equals("favicon.ico")) notFound.add(path);
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            String type = path.endsWith(".html") ? "text/html; charset=utf-8" : path.endsWith(".css") ? "text/css"
                    : path.endsWith(".png") ? "image/png" : path.endsWith(".svg") ? "image/svg+xml"
                    : path.endsWith(".pdf") ? "application/pdf" : "application/octet-stream";
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, Files.size(f));
            try (OutputStream o = ex.getResponseBody()) {
                Files.copy(f, o);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
