package org.glasshouse.serve.client;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Receives a query's result: the root once (its schema, before any row), then each batch loaded into it. */
public interface BatchSink {

    void start(VectorSchemaRoot root);

    /** One batch is in the root; false stops the query (the caller has all the rows it wants). */
    boolean batch(VectorSchemaRoot root);
}
