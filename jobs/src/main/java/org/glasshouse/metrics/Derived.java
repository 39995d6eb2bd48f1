package org.glasshouse.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Intermediate tables several metric tables build on (agreement money, agreement metrics, data quality). In a
 * pipeline run they are computed once and kept (persisted) for the step; in tests ({@link #NONE}) every call
 * computes afresh, so each function stays a pure Dataset → Dataset.
 */
public final class Derived {

    public static final Derived NONE = new Derived(false);

    private final boolean keep;
    private final Map<String, Dataset<Row>> kept = new ConcurrentHashMap<>();
    private final List<Dataset<Row>> persisted = new ArrayList<>();

    private Derived(boolean keep) {
        this.keep = keep;
    }

    public static Derived keeping() {
        return new Derived(true);
    }

    public Dataset<Row> get(String name, Supplier<Dataset<Row>> compute) {
        if (!keep) return compute.get();
        Dataset<Row> d = kept.get(name);
        if (d == null) {
            d = compute.get().persist(StorageLevel.MEMORY_AND_DISK());
            synchronized (persisted) {
                persisted.add(d);
            }
            kept.put(name, d);
        }
        return d;
    }

    public void release() {
        synchronized (persisted) {
            persisted.forEach(Dataset::unpersist);
            persisted.clear();
        }
        kept.clear();
    }
}
