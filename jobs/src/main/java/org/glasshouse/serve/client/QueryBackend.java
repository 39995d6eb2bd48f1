package org.glasshouse.serve.client;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/** Where analysts' SQL runs: the warm serve process (over Flight SQL) or a session in this JVM. */
public interface QueryBackend extends AutoCloseable {

    /**
     * Runs one query and hands its batches to the sink.
     *
     * @param maxRows rows the caller will read at most (the backend may stop there); negative: all rows
     * @throws QueryFailed with the reason (refused statement, unknown view or column, ...)
     */
    void query(String sql, int maxRows, BatchSink sink);

    /** The result schema of a query, without running it. */
    Schema schema(String sql);

    /** The names of the views queries may use, alphabetically. */
    List<String> views();

    /** Says where queries run (shown by the shell). */
    String description();

    @Override
    void close();
}
