package org.glasshouse.ingest;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body handler that writes a successful (2xx) body to a file and stops as soon as it is larger than the
 * cap, whether the server declared its length or streams it; other bodies are discarded. {@link #abort()} cuts
 * the connection (used when the download's deadline passes).
 */
final class CappedFileBody implements HttpResponse.BodyHandler<Path> {

    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private final Path file;
    private final long cap;
    private volatile Subscriber current;

    CappedFileBody(Path file, long cap) {
        this.file = file;
        this.cap = cap;
    }

    @Override
    public HttpResponse.BodySubscriber<Path> apply(HttpResponse.ResponseInfo info) {
        if (info.statusCode() / 100 != 2) {
            return HttpResponse.BodySubscribers.replacing(null);
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        Subscriber s = new Subscriber(declared);
        current = s;
        return s;
    }

    void abort() {
        Subscriber s = current;
        if (s != null) s.fail(new IOException("aborted"));
    }

    private final class Subscriber implements HttpResponse.BodySubscriber<Path> {
        private final long declared;
        private final CompletableFuture<Path> result = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;
        private FileChannel channel;
        private long written;

        Subscriber(long declared) {
            this.declared = declared;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > cap) {
                fail(new TooLarge("the server announced " + declared + " bytes, more than the limit of " + cap));
                return;
            }
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                fail(e);
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) return;
            try {
                for (ByteBuffer b : items) {
                    written += b.remaining();
                    if (written > cap) {
                        fail(new TooLarge("the body is larger than the limit of " + cap + " bytes"));
                        return;
                    }
                    while (b.hasRemaining()) channel.write(b);
                }
            } catch (IOException e) {
                fail(e);
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            close();
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            try {
                if (channel != null) channel.force(true);
                close();
                result.complete(file);
            } catch (IOException e) {
                onError(e);
            }
        }

        @Override
        public CompletionStage<Path> getBody() {
            return result;
        }

        void fail(Throwable t) {
            Flow.Subscription s = subscription;
            if (s != null) s.cancel();
            close();
            result.completeExceptionally(t);
        }

        private synchronized void close() {
            try {
                if (channel != null) channel.close();
            } catch (IOException ignored) {
                // the partial file is deleted by the caller
            }
        }
    }
}
