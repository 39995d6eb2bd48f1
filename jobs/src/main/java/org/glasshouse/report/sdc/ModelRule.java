package org.glasshouse.report.sdc;

/**
 * One piece of what the release lets an attacker know about its counts of people: a latent count a figure gives
 * back, a relation among counts, or what a derived figure is computed from. The release's rules are listed, one per
 * line, in {@link org.glasshouse.report.ReleaseRelations}.
 */
public interface ModelRule {

    /** Runs before the count columns are read: a rule may say a column repeats a count printed elsewhere. */
    default void nameCells(ModelBuilder model) {}

    void apply(ModelBuilder model);
}
