package org.glasshouse.serve;

import org.apache.spark.sql.AnalysisException;
import org.glasshouse.serve.client.QueryFailed;

/** Turns what Spark throws into the one-line reason an analyst sees. */
final class QueryErrors {

    private QueryErrors() {}

    static QueryFailed failed(Throwable e) {
        if (e instanceof QueryFailed q) return q;
        if (e instanceof AnalysisException ae) return new QueryFailed(ae.getSimpleMessage());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return new QueryFailed(message.lines().findFirst().orElse(message));
    }
}
