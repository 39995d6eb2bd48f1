package org.glasshouse.report.sdc;

import java.util.List;

/**
 * A published figure computed from counts of people (cost per beneficiary, a share, an impact estimate, a quartile,
 * a flag's evidence): it is published only when every count it is computed from is, since it would give a hidden
 * one back (spent ÷ cost_per_beneficiary). Because of this rule the rounding of a published figure never matters:
 * its counts are published anyway.
 */
public record DerivedFigure(Position at, List<String> inputs) {

    public DerivedFigure {
        inputs = List.copyOf(inputs);
    }
}
