package org.glasshouse.ops;

/** One partner's dataset in one run: rows read, accepted and quarantined, and files refused whole. */
public record DatasetRows(String partner, String dataset, long read, long accepted, long quarantined,
                          long filesRefused) {}
