package org.glasshouse.serve.client;

/** A query that did not run; the message is the reason an analyst can act on. */
public final class QueryFailed extends RuntimeException {
    public QueryFailed(String message) {
        super(message);
    }
}
