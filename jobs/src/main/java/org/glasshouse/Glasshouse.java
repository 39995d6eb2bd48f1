package org.glasshouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.glasshouse.cli.CliOptions;
import org.glasshouse.cli.JobRuns;
import org.glasshouse.cli.RunLock;
import org.glasshouse.cli.NightlyCommand;
import org.glasshouse.cli.RestartCommand;
import org.glasshouse.cli.RunMetricsCommand;
import org.glasshouse.cli.SqlCommand;
import org.glasshouse.cli.StatusCommand;
import org.glasshouse.cli.UsageException;
import org.glasshouse.cli.ValidateCommand;
import org.glasshouse.generate.SampleDataGenerator;
import org.glasshouse.ops.GracefulStop;
import org.glasshouse.ops.RunLockBusy;
import org.glasshouse.ops.RunLocks;
import org.glasshouse.schedule.ScheduleCommand;
import org.glasshouse.schedule.ScheduleProperties;
import org.glasshouse.serve.LocalQueries;
import org.glasshouse.serve.RunMetricsAction;
import org.glasshouse.serve.ServeCommand;
import org.glasshouse.serve.ServeSettings;
import org.glasshouse.serve.client.SqlClient;
import org.glasshouse.ingest.LandingKey;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The command line: {@code glasshouse <verb> [options]}. Exit codes: 0 success, 1 failure, 2 bad usage, 3 busy. */
public final class Glasshouse {

    static final String USAGE = """
            Usage: glasshouse <command> [options]

              nightly  [--input DIR] [--out DIR] [--as-of YYYY-MM-DD] [--profile P]
                       Run the whole pipeline: ingest, validate, feedback, metrics, report, publish.
                       Defaults: --input sample-data (with the 'sample' profile), --out ./out, --as-of today (UTC).
              status   [--out DIR] [--limit N]      Recent runs from the job repository (exit 3 while a run is in
                                                    progress: then read from the run folders).
              restart  [--out DIR]                  Resume the last failed run at the step that failed, with the key
                                                    it started with (GLASSHOUSE_HMAC_SECRET).
              schedule [--input DIR] [--out DIR] [--profile P]
                       Stay running and run the nightly on glasshouse.schedule.cron (never two at once); restart
                       a run that failed for a transient reason; serve metrics; SIGTERM stops at a safe point.
              validate FILE --dataset D --partner P [--reference DIR]
                       Check one file as the nightly would and print its feedback; stores nothing.
                       Reference data from DIR (default: the bundled sample-data/reference).
                       Exit code 0 no errors, 1 errors found, 2 bad usage.
              generate --services N --out DIR [--seed S]
                       Write a consistent synthetic input set (reference data + partner inboxes).
              sql      ["SELECT ..."] [--out DIR] [--csv FILE] [--limit N] [--local]
                       Spark SQL over the latest completed run's curated tables (curated_<dataset>) and the metric
                       history (metrics_<table>: every run; latest_<table>: latest run per as-of date). Prints up to
                       N rows (default 100) or writes every row to FILE. 'sql views' lists the views (docs/sql.md).
                       Without a query: an interactive shell. Answered by 'serve' when it runs on DIR (fast),
                       else by a session started for the command; --local always starts one.
              serve    [--out DIR] [--port N] [--bind ADDR]
                       Keep a warm session with the sql views of DIR and answer SQL over Arrow Flight SQL (JDBC, ADBC,
                       pyarrow) on 127.0.0.1:32010 by default until stopped; picks up each newly completed run.
              run metrics [--programme P] [--partner Q] [--as-of YYYY-MM-DD] [--out DIR]
                       Compute every metric table for a subset into OUT/private/scratch/<timestamp>/, leaving the
                       metric history and the published site untouched.

            Launcher only (bin/glasshouse):
              warm-up  Record the class-data archive that makes starts faster (mvn package does it too).

            Any --glasshouse.x=y or --spring.x=y argument overrides a setting of config/application.yml.
            """;

    private Glasshouse() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        if (args.length == 0 || Set.of("help", "--help", "-h").contains(args[0])) {
            System.out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "nightly" -> nightly(CliOptions.parse(rest, Set.of("input", "out", "as-of", "profile"), Set.of()));
                case "status" -> status(CliOptions.parse(rest, Set.of("out", "limit", "profile"), Set.of()));
                case "restart" -> restart(CliOptions.parse(rest, Set.of("out", "profile"), Set.of()));
                case "schedule" -> schedule(CliOptions.parse(rest, Set.of("input", "out", "profile"), Set.of()));
                case "validate" -> validate(CliOptions.parse(rest, Set.of("dataset", "partner", "reference", "profile"),
                        Set.of()));
                case "generate" -> generate(CliOptions.parse(rest, Set.of("services", "out", "seed"), Set.of()));
                case "sql" -> sql(CliOptions.parse(rest, SqlCommand.OPTIONS, SqlCommand.FLAGS));
                case "run" -> runJob(CliOptions.parse(rest, Set.of("out", "programme", "partner", "as-of", "profile"),
                        Set.of("local")));
                case "serve" -> serve(CliOptions.parse(rest, Set.of("out", "port", "bind", "profile"), Set.of()));
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (RunLockBusy e) {
            System.err.println(e.getMessage());
            return JobRuns.BUSY;
        } catch (UsageException e) {
            System.err.println("glasshouse: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        } catch (Exception e) {
            System.err.println("glasshouse: " + e.getMessage());
            return 1;
        }
    }

    private static int nightly(CliOptions o) throws Exception {
        // --input may be a URI on a Hadoop file system (hdfs://, s3a://): checked when the ingest step lists it.
        String inputArg = o.has("input") ? o.get("input", "") : bundledSampleData().toString();
        boolean remoteInput = org.glasshouse.storage.Location.isUri(inputArg);
        Path input = remoteInput ? null : Path.of(inputArg);
        if (!remoteInput && !Files.isDirectory(input)) {
            throw new UsageException("input folder " + input + " does not exist");
        }
        Path out = Path.of(o.get("out", "out"));
        var asOf = NightlyCommand.asOf(o);
        // The public sample key is for the bundled sample data only (by default or named with --input).
        boolean bundled = !o.has("input") || !remoteInput && RestartCommand.sameFolder(input, bundledSampleData());
        List<String> profiles = new ArrayList<>();
        if (bundled) profiles.add("sample");
        if (o.has("profile")) profiles.addAll(Arrays.asList(o.get("profile", "").split(",")));
        // The run lock comes before the job repository is opened: a second run never touches it.
        return JobRuns.exclusively(out, () -> {
            try (ConfigurableApplicationContext ctx = start(out, profiles, o.springArgs());
                 var databaseLock = RunLocks.acquireIfDatabase(ctx)) {
                requireSecret(ctx);
                refuseSampleKey(ctx, bundled);
                gracefulStop(ctx);
                return NightlyCommand.run(ctx, inputArg, out, asOf);
            }
        });
    }

    private static int status(CliOptions o) throws Exception {
        int limit;
        try {
            limit = Integer.parseInt(o.get("limit", "10"));
        } catch (NumberFormatException e) {
            throw new UsageException("--limit must be a whole number");
        }
        Path out = Path.of(o.get("out", "out"));
        // A run holds the job repository (an H2 file admits one process): report from the run folders instead.
        if (RunLock.held(JobRuns.lockFile(out))) return StatusCommand.inProgress(out, limit);
        try (RunLock repository = RunLock.acquireRepository(out, java.time.Duration.ofSeconds(10))) {
            if (repository == null) return StatusCommand.inProgress(out, limit);
            try (ConfigurableApplicationContext ctx = start(out, profiles(o), o.springArgs())) {
                return StatusCommand.run(ctx, limit);
            }
        }
    }

    private static int restart(CliOptions o) throws Exception {
        Path out = Path.of(o.get("out", "out"));
        // No sample profile: the key comes from GLASSHOUSE_HMAC_SECRET, or (only for a run of the bundled sample
        // data that used it) the public sample key; RestartCommand decides from the run's recorded fingerprint.
        return JobRuns.exclusively(out, () -> {
            // In database mode, taking the lock (after its ttl, if the last holder died) proves a STARTED run dead.
            try (ConfigurableApplicationContext ctx = start(out, profiles(o), o.springArgs());
                 var databaseLock = RunLocks.acquireIfDatabase(ctx)) {
                gracefulStop(ctx);
                return RestartCommand.run(ctx, out, bundledSampleData());
            }
        });
    }

    private static int schedule(CliOptions o) throws Exception {
        Path input = o.has("input") ? Path.of(o.get("input", "")) : bundledSampleData();
        if (!Files.isDirectory(input)) throw new UsageException("input folder " + input + " does not exist");
        Path out = Path.of(o.get("out", "out"));
        boolean bundled = !o.has("input") || RestartCommand.sameFolder(input, bundledSampleData());
        List<String> profiles = new ArrayList<>();
        if (bundled) profiles.add("sample");
        if (o.has("profile")) profiles.addAll(Arrays.asList(o.get("profile", "").split(",")));
        ScheduleCommand.Contexts contexts = () -> {
            ConfigurableApplicationContext ctx = start(out, profiles, o.springArgs(), false);
            try {
                requireSecret(ctx);
                refuseSampleKey(ctx, bundled);
            } catch (RuntimeException e) {
                ctx.close();
                throw e;
            }
            return ctx;
        };
        return new ScheduleCommand(contexts, input, out, bundledSampleData(), java.time.Clock.systemDefaultZone(),
                GracefulStop.process()).run();
    }

    /** SIGTERM or Ctrl-C stop the run at the end of its current step, so 'restart' resumes it cleanly. */
    private static void gracefulStop(ConfigurableApplicationContext ctx) {
        GracefulStop.process().install(ctx.getBean(ScheduleProperties.class).stopGrace());
    }

    private static int validate(CliOptions o) throws Exception {
        ValidateCommand.Request req = ValidateCommand.parse(o, bundledSampleData().resolve("reference"));
        Path work = Files.createTempDirectory("glasshouse-validate-");
        List<String> args = new ArrayList<>(o.springArgs());
        // No store is touched: the job repository lives in memory and the work folder is deleted afterwards.
        args.add("--spring.datasource.url=jdbc:h2:mem:glasshouse-validate-" + ProcessHandle.current().pid());
        try (ConfigurableApplicationContext ctx = start(work, profiles(o), args)) {
            // Nothing is stored, so a throwaway key serves; the public sample key is never used outside a sample run.
            var pseudonymisation = ctx.getBean(org.glasshouse.config.GlasshouseProperties.class).getPseudonymisation();
            if (LandingKey.isPublicSampleKey(pseudonymisation.getSecret())) pseudonymisation.setSecret("");
            return ValidateCommand.run(ctx, req, work, System.out);
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static int generate(CliOptions o) throws Exception {
        if (!o.has("services") || !o.has("out")) throw new UsageException("generate needs --services N and --out DIR");
        int services;
        long seed;
        try {
            services = Integer.parseInt(o.get("services", ""));
            seed = Long.parseLong(o.get("seed", "20260601"));
        } catch (NumberFormatException e) {
            throw new UsageException("--services and --seed must be whole numbers");
        }
        Path out = Path.of(o.get("out", ""));
        var s = SampleDataGenerator.generate(out, services, seed);
        System.out.printf(java.util.Locale.ROOT, "Wrote %d service rows in %d files, %d transactions, %d results and "
                        + "%d outcome measurements for %d partners to %s (%d + %d rows planted invalid; see %s)%n",
                s.services(), s.serviceFiles(), s.transactions(), s.results(), s.outcomeMeasurements(), s.partners(),
                out, s.plantedInvalidServices(), s.plantedInvalidTransactions(), out.resolve("README.md"));
        return 0;
    }

    private static int sql(CliOptions o) throws Exception {
        SqlCommand.validate(o);
        int served = SqlClient.sql(o, System.out, System.err);
        if (served != SqlClient.NO_SERVER) return served;
        Path out = Path.of(o.get("out", "out"));
        try (ConfigurableApplicationContext ctx = start(out, profiles(o), withoutJobRepository(o.springArgs(), "sql"))) {
            var spark = ctx.getBean(org.glasshouse.spark.SparkSessionProvider.class).session();
            try (LocalQueries local = LocalQueries.open(spark, out)) {
                return SqlCommand.run(local, o, System.out, System.err);
            }
        }
    }

    private static int runJob(CliOptions o) throws Exception {
        if (o.positional().size() != 1 || !o.positional().get(0).equals("metrics")) {
            throw new UsageException("run supports one job: 'run metrics [--programme P] [--partner Q] [--as-of D]'");
        }
        Path out = Path.of(o.get("out", "out"));
        var asOf = NightlyCommand.asOf(o);
        int served = SqlClient.runMetrics(o, System.out, System.err);
        if (served != SqlClient.NO_SERVER) return served;
        try (ConfigurableApplicationContext ctx = start(out, profiles(o), withoutJobRepository(o.springArgs(), "run"))) {
            var props = ctx.getBean(org.glasshouse.config.GlasshouseProperties.class);
            var spark = ctx.getBean(org.glasshouse.spark.SparkSessionProvider.class).session();
            return RunMetricsCommand.run(spark, out, o.get("programme", null), o.get("partner", null), asOf,
                    props.getReportingCurrency(), props.getThresholds().toThresholds());
        }
    }

    private static int serve(CliOptions o) throws Exception {
        if (!o.positional().isEmpty()) throw new UsageException("serve takes no arguments besides its options");
        Integer port = null;
        if (o.has("port")) {
            try {
                port = Integer.parseInt(o.get("port", ""));
            } catch (NumberFormatException e) {
                throw new UsageException("--port must be a whole number");
            }
        }
        Path out = Path.of(o.get("out", "out")).toAbsolutePath().normalize();
        try (ConfigurableApplicationContext ctx = start(out, profiles(o), withoutJobRepository(o.springArgs(), "serve"))) {
            var props = ctx.getBean(org.glasshouse.config.GlasshouseProperties.class);
            var spark = ctx.getBean(org.glasshouse.spark.SparkSessionProvider.class).session();
            ServeSettings settings = ctx.getBean(ServeSettings.class).withAddress(o.get("bind", null), port);
            return ServeCommand.run(spark, out, settings, new RunMetricsAction(spark, out,
                    props.getReportingCurrency(), props.getThresholds().toThresholds()));
        }
    }

    /** ./sample-data when run from the project folder, else the one beside the launcher. */
    static Path bundledSampleData() {
        Path local = Path.of("sample-data");
        String home = System.getenv("GLASSHOUSE_HOME");
        return Files.isDirectory(local) || home == null ? local : Path.of(home, "sample-data");
    }

    private static List<String> profiles(CliOptions o) {
        List<String> p = new ArrayList<>();
        if (o.has("profile")) p.addAll(Arrays.asList(o.get("profile", "").split(",")));
        return p;
    }

    static ConfigurableApplicationContext start(Path out, List<String> profiles, List<String> springArgs) {
        return start(out, profiles, springArgs, true);
    }

    /** shutdownHook false: the caller closes the context (the scheduler opens one per run and handles SIGTERM). */
    static ConfigurableApplicationContext start(Path out, List<String> profiles, List<String> springArgs,
                                                boolean shutdownHook) {
        Path abs = out.toAbsolutePath().normalize();
        return new SpringApplicationBuilder(GlasshouseApplication.class)
                .registerShutdownHook(shutdownHook)
                .properties("glasshouse.out=" + abs)
                .profiles(profiles.toArray(String[]::new))
                .run(springArgs.toArray(String[]::new));
    }

    /**
     * sql, run metrics and serve read completed runs' files only: an in-memory job repository keeps them off the H2
     * file a running nightly holds, so they work (and read safely) during a run and never stand in its way.
     */
    private static List<String> withoutJobRepository(List<String> springArgs, String verb) {
        List<String> args = new ArrayList<>(springArgs);
        args.add("--spring.datasource.url=jdbc:h2:mem:glasshouse-" + verb + "-" + ProcessHandle.current().pid()
                + "-" + System.nanoTime());
        return args;
    }

    /** The public sample key is refused for anything but the bundled sample data, however it was configured. */
    private static void refuseSampleKey(ConfigurableApplicationContext ctx, boolean bundledSample) {
        String secret = ctx.getEnvironment().getProperty("glasshouse.pseudonymisation.secret", "");
        if (LandingKey.isPublicSampleKey(secret) && !bundledSample) {
            throw new UsageException("the public sample key (" + LandingKey.PUBLIC_SAMPLE_KEY + ") may only be used "
                    + "for the bundled sample data. Export GLASSHOUSE_HMAC_SECRET=<a long random string kept by the "
                    + "agency> for any other input.");
        }
    }

    private static void requireSecret(ConfigurableApplicationContext ctx) {
        String secret = ctx.getEnvironment().getProperty("glasshouse.pseudonymisation.secret", "");
        if (secret.isBlank()) {
            throw new UsageException("GLASSHOUSE_HMAC_SECRET is not set. Beneficiary refs are replaced by a keyed hash "
                    + "at ingestion and the key must come from the environment: export GLASSHOUSE_HMAC_SECRET=<a long "
                    + "random string kept by the agency> (only the bundled sample data runs without it).");
        }
    }
}
