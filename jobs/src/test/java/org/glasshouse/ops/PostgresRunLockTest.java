package org.glasshouse.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.glasshouse.TestContexts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The run lock on a real PostgreSQL server, used by the least-privilege role of deploy/postgres/setup.sql (SELECT,
 * INSERT, UPDATE; no DDL, no DELETE) after the owner role created GLASSHOUSE_RUN_LOCK the way docs/operations.md
 * tells an operator (the application started with spring.batch.jdbc.initialize-schema=always, run twice).
 * Server and roles as for PostgresJobRepositoryTest: from {@code .ci/start-postgres}; missing in CI fails the test.
 */
class PostgresRunLockTest extends RunLockContract {

    static final String URL = System.getenv("GLASSHOUSE_TEST_PG_URL");

    @TempDir
    static Path schemaOut;

    static PGSimpleDataSource app;

    @BeforeAll
    static void requirePostgres() {
        if (URL == null || URL.isBlank()) {
            String why = "GLASSHOUSE_TEST_PG_URL is not set: the PostgreSQL run lock test needs a server "
                    + "(eval \"$(.ci/start-postgres)\" starts one; docs/operations.md)";
            if (System.getenv("CI") != null) fail(why + ". CI must provide it (.ci/run).");
            System.err.println("\n*** SKIPPED PostgresRunLockTest: " + why + " ***\n");
            Assumptions.abort(why);
        }
        for (int i = 0; i < 2; i++) { // creating the schema again is harmless
            try (var ctx = TestContexts.start(schemaOut, List.of("postgres"), List.of("--spring.datasource.url=" + URL,
                    "--spring.datasource.username=" + env("GLASSHOUSE_TEST_PG_OWNER"),
                    "--spring.datasource.password=" + env("GLASSHOUSE_TEST_PG_OWNER_PASSWORD"),
                    "--spring.batch.jdbc.initialize-schema=always"))) {
                // auto mode: a PostgreSQL repository takes the database lock
                assertThat(ctx.getBean(RunLocks.class).databaseMode()).isTrue();
            }
        }
        app = new PGSimpleDataSource();
        app.setURL(URL);
        app.setUser(env("GLASSHOUSE_TEST_PG_USER"));
        app.setPassword(env("GLASSHOUSE_TEST_PG_PASSWORD"));
    }

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null) fail(name + " is not set (see .ci/start-postgres)");
        return v;
    }

    @Override
    DataSource db() {
        return app;
    }
}
