package org.glasshouse.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasshouse.report.sdc.Auditor;
import org.glasshouse.report.sdc.Cell;
import org.glasshouse.report.sdc.DerivedFigure;
import org.glasshouse.report.sdc.DisclosureAudit;
import org.glasshouse.report.sdc.DisclosureSettings;
import org.glasshouse.report.sdc.LinearRelation;
import org.glasshouse.report.sdc.ModelBuilder;
import org.glasshouse.report.sdc.ModelRule;
import org.glasshouse.report.sdc.Position;
import org.glasshouse.report.sdc.Protection;
import org.glasshouse.report.sdc.ProtectionProblem;
import org.glasshouse.report.sdc.RequiredProtection;
import org.glasshouse.report.sdc.SecondarySuppression;
import org.glasshouse.report.sdc.SuppressionPattern;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;

/**
 * Statistical disclosure control of the whole release (SPEC section 5), applied once so every artefact built from
 * the tables (pages, charts, PDF, open data) shows the same cells suppressed:
 * <ol>
 *   <li>the model: every count of people the release prints or lets be computed, the relations among them across
 *       tables, and what each derived figure is computed from ({@link ReleaseRelations});</li>
 *   <li>primary suppression: counts from 1 to k−1;</li>
 *   <li>secondary suppression: the pattern that hides the fewest people (or cells) beyond them such that no small
 *       count can be narrowed below the protection level ({@link SecondarySuppression});</li>
 *   <li>derived figures: hidden whenever a count they are computed from is hidden;</li>
 *   <li>the audit: the attacker's problem solved for every small count, including the audit's own published summary;
 *       a release that fails is refused ({@link DisclosureAuditFailure}).</li>
 * </ol>
 */
public final class DisclosureControl {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DisclosureControl.class);

    public static final String METHOD = "optimal secondary suppression: mixed-integer program (Fischetti-Salazar model,"
            + " attacker subproblems added as needed), branch and bound over ojAlgo's linear programs; audited by"
            + " integer programming";

    private final int k;
    private final DisclosureSettings settings;

    public DisclosureControl(int k, DisclosureSettings settings) {
        if (k < 1) throw new IllegalArgumentException("minimum cell size must be at least 1, was " + k);
        this.k = k;
        this.settings = settings == null ? new DisclosureSettings(null, null, null) : settings;
    }

    public DisclosureControl(int k) {
        this(k, null);
    }

    public int k() {
        return k;
    }

    public int p() {
        return settings.protectionLevel(k);
    }

    public boolean isSmall(Object count) {
        return count instanceof Number n && n.longValue() >= 1 && n.longValue() < k;
    }

    /** The protected release: its tables and the audit. */
    public record Outcome(Map<String, DataTable> tables, DisclosureAudit audit, ProtectionProblem problem,
                          SuppressionPattern pattern, Map<String, Protection> required) {}

    /** The release refused: a small count could be narrowed below its protection level. */
    public static final class DisclosureAuditFailure extends IllegalStateException {
        public DisclosureAuditFailure(String message) {
            super(message);
        }
    }

    public ProtectionProblem model(Map<String, PublicTable> specs, Map<String, DataTable> tables, List<ModelRule> rules) {
        ProtectionProblem problem = new ModelBuilder(specs, tables).build(rules, k, p());
        List<LinearRelation> broken = problem.broken();
        if (!broken.isEmpty()) {
            throw new IllegalStateException("the disclosure model's relations do not hold for this release's counts "
                    + "(a metric no longer computes what the model says): " + broken);
        }
        return problem;
    }

    /** The whole release: tables by name (rules naming absent tables add nothing). */
    public Outcome protect(Map<String, PublicTable> specs, Map<String, DataTable> tables, List<ModelRule> rules) {
        ProtectionProblem problem = model(specs, tables, rules);
        Map<String, Protection> required = RequiredProtection.of(problem);
        for (Protection need : required.values()) {
            if (need.upper() < need.value() + p()) {
                // Only a published figure that is not a count (a cost-outlier flag's presence) can do this: the log
                // is private, the release's audit counts them without naming them.
                LOG.warn("disclosure control: published figures bound the small count {} to at most {} whatever is "
                        + "hidden (protection asked: {}); see docs/publishing.md, 'What is not covered'",
                        need.cell(), need.upper(), need.value() + p());
            }
        }
        SecondarySuppression.Result r = new SecondarySuppression(problem, required, settings.costFunction(),
                settings.searchLimitOrDefault()).solve();
        DisclosureAudit audit = audit(problem, required, r);
        if (!audit.passed()) {
            throw new DisclosureAuditFailure("disclosure audit failed, the release is not published: "
                    + audit.failures());
        }
        return new Outcome(suppress(problem, r.pattern(), tables), audit, problem, r.pattern(), required);
    }

    /**
     * Audits the pattern together with the summary the release will carry. The number of people in the secondary
     * cells is itself a relation (their sum), so it is published as a range, as coarse as the audit needs: two
     * significant figures, else one, else withheld.
     */
    private DisclosureAudit audit(ProtectionProblem problem, Map<String, Protection> required,
                                  SecondarySuppression.Result r) {
        SuppressionPattern pattern = r.pattern();
        List<String> secondary = new ArrayList<>();
        long people = 0;
        // Latent counts hidden only because a count their figure needs is hidden are not further suppressions.
        java.util.Set<String> forced = new java.util.HashSet<>();
        for (String[] link : problem.hiddenWith()) if (pattern.isHidden(link[1])) forced.add(link[0]);
        int secondaryCells = 0;
        for (String id : pattern.secondary()) {
            if (problem.cell(id).kind() == Cell.Kind.COUNT) {
                secondary.add(id);
                people += problem.cell(id).value();
                secondaryCells++;
            } else if (!forced.contains(id)) {
                secondaryCells++;
            }
        }
        Auditor.Findings f = null;
        DisclosureAudit.Range shown = null;
        Auditor.Session session = new Auditor.Session(problem, required, pattern);
        for (int digits : new int[] {2, 1, 0}) {
            shown = digits == 0 ? null : range(people, digits);
            List<LinearRelation> published = shown == null ? List.of()
                    : Auditor.sumBetween(secondary, shown.low(), shown.high(), "people in the secondary cells");
            f = session.audit(published);
            if (f.passed()) break;
        }
        return new DisclosureAudit(METHOD, k, p(), settings.costFunction().name().toLowerCase(java.util.Locale.ROOT),
                r.search(), r.millis(), pattern.primary().size(), secondaryCells, people, shown,
                f.narrowest(), f.narrowestCell(), f.primary());
    }

    /** [low, high] containing n, rounded to the given significant figures (never finer than tens). */
    static DisclosureAudit.Range range(long n, int digits) {
        if (n == 0) return new DisclosureAudit.Range(0, 0);
        long step = Math.max(10, (long) Math.pow(10, String.valueOf(n).length() - digits));
        long low = n / step * step;
        return new DisclosureAudit.Range(low, low + step - 1);
    }

    /** Hides every position of every hidden cell and every figure computed from one. */
    public static Map<String, DataTable> suppress(ProtectionProblem problem, SuppressionPattern pattern,
                                                  Map<String, DataTable> tables) {
        Map<String, List<List<Object>>> grid = new LinkedHashMap<>();
        tables.forEach((name, t) -> {
            List<List<Object>> rows = new ArrayList<>();
            for (List<Object> r : t.rows()) rows.add(new ArrayList<>(r));
            grid.put(name, rows);
        });
        for (String id : pattern.hidden()) {
            for (Position at : problem.cell(id).positions()) hide(tables, grid, at);
        }
        for (DerivedFigure d : problem.derived()) {
            if (d.inputs().stream().anyMatch(pattern::isHidden)) hide(tables, grid, d.at());
        }
        Map<String, DataTable> out = new LinkedHashMap<>();
        tables.forEach((name, t) -> out.put(name, new DataTable(t.name(), t.title(), t.columns(), grid.get(name))));
        return out;
    }

    private static void hide(Map<String, DataTable> tables, Map<String, List<List<Object>>> grid, Position at) {
        DataTable t = tables.get(at.table());
        int i = index(t, at.column());
        if (i >= 0) grid.get(at.table()).get(at.row()).set(i, Suppressed.INSTANCE);
    }

    /**
     * One table on its own, outside the release (e.g. impact estimates of earlier as-of dates for trend charts):
     * primary suppression and the derived figures of each row.
     */
    public DataTable apply(PublicTable spec, DataTable table) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : table.rows()) {
            List<Object> cells = new ArrayList<>(r);
            boolean any = false;
            for (String count : spec.peopleCounts()) {
                int i = spec.index(count);
                if (i >= 0 && isSmall(cells.get(i))) {
                    cells.set(i, Suppressed.INSTANCE);
                    any = true;
                }
            }
            if (any) for (String d : spec.derived()) if (spec.index(d) >= 0) cells.set(spec.index(d), Suppressed.INSTANCE);
            rows.add(cells);
        }
        return new DataTable(table.name(), table.title(), table.columns(), rows);
    }

    /**
     * A history of a release table across as-of dates: rows of this release's date are shown exactly as the
     * release shows them (same cells hidden); earlier dates get {@link #apply(PublicTable, DataTable)}.
     */
    public DataTable history(PublicTable spec, DataTable history, DataTable released, String asOf) {
        DataTable base = apply(spec, history);
        if (released == null) return base;
        Map<List<String>, List<Object>> now = new LinkedHashMap<>();
        for (List<Object> r : released.rows()) now.put(key(spec, r), r);
        int asOfCol = spec.index("as_of");
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : base.rows()) {
            boolean current = asOfCol >= 0 && String.valueOf(r.get(asOfCol)).equals(asOf);
            List<Object> same = current ? now.get(key(spec, r)) : null;
            rows.add(same != null ? same : r);
        }
        return new DataTable(history.name(), history.title(), history.columns(), rows);
    }

    private static List<String> key(PublicTable spec, List<Object> row) {
        List<String> k = new ArrayList<>();
        for (String c : spec.orderBy()) k.add(String.valueOf(row.get(spec.index(c))));
        return k;
    }

    private static int index(DataTable t, String column) {
        for (int i = 0; i < t.columns().size(); i++) if (t.columns().get(i).name().equals(column)) return i;
        return -1;
    }
}
