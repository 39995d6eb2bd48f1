package org.glasshouse.serve;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Keeps analysts' SQL to reading the registered views: one query (SELECT, WITH, VALUES, TABLE or FROM ... SELECT),
 * parsed before anything runs, so commands (SET, ADD JAR, CREATE, INSERT, CACHE, LOAD, ...) are refused even inside a
 * CTE; Spark's direct file queries ({@code parquet.`/path`}) are off ({@code spark.sql.runSQLOnFiles=false}) and the
 * functions that call arbitrary Java methods are removed from the session. Together, a query sees the curated and
 * metric views and nothing else on disk.
 */
public final class QueryGuard {

    /** The SQL functions that call any static Java method by name (they could read files or the environment). */
    static final List<String> REFLECTION_FUNCTIONS = List.of("reflect", "java_method", "try_reflect");
    private static final Set<String> QUERY_STARTS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "FROM");
    private static final Pattern LEADING = Pattern.compile("\\A(?:\\s+|--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/|\\()*([A-Za-z]+)",
            Pattern.DOTALL);

    private QueryGuard() {}

    /** Makes a session safe to hand to analysts' queries: no file queries, no reflection functions. */
    public static void harden(SparkSession session) {
        session.conf().set("spark.sql.runSQLOnFiles", "false");
        var registry = ((org.apache.spark.sql.classic.SparkSession) session).sessionState().functionRegistry();
        for (String f : REFLECTION_FUNCTIONS) registry.dropFunction(FunctionIdentifier.apply(f));
    }

    /** Throws {@link RejectedQuery} unless the text is one read-only query. */
    public static void check(SparkSession session, String sql) {
        Matcher m = LEADING.matcher(sql);
        String first = m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
        if (!QUERY_STARTS.contains(first)) {
            throw new RejectedQuery("only queries are answered (SELECT, WITH, VALUES, TABLE or FROM ... SELECT); "
                    + (first.isEmpty() ? "the statement is empty" : "'" + first + "' statements are refused"));
        }
        LogicalPlan plan;
        try {
            plan = ((org.apache.spark.sql.classic.SparkSession) session).sessionState().sqlParser().parsePlan(sql);
        } catch (ParseException e) {
            throw new RejectedQuery(e.getMessage());
        }
        refuseCommands(plan);
    }

    private static void refuseCommands(LogicalPlan plan) {
        if (plan instanceof Command || plan instanceof ParsedStatement || plan instanceof InsertIntoStatement
                || plan instanceof InsertIntoDir) {
            throw new RejectedQuery("only queries are answered; the statement contains a command ("
                    + plan.nodeName() + ")");
        }
        for (LogicalPlan child : CollectionConverters.asJava(plan.children())) refuseCommands(child);
        for (Object inner : CollectionConverters.asJava(plan.innerChildren())) {
            if (inner instanceof LogicalPlan p) refuseCommands(p);
        }
        for (LogicalPlan sub : CollectionConverters.asJava(plan.subqueries())) refuseCommands(sub);
    }

    /** A statement serve does not run; the message says why. */
    public static final class RejectedQuery extends RuntimeException {
        public RejectedQuery(String message) {
            super(message);
        }
    }
}
