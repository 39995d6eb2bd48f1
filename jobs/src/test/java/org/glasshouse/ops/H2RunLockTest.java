package org.glasshouse.ops;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The run lock in an in-memory H2 job repository, its table made by the application's schema script (twice). */
class H2RunLockTest extends RunLockContract {

    static JdbcDataSource h2;

    @BeforeAll
    static void schema() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:run-lock-test;DB_CLOSE_DELAY=-1");
        var script = new ResourceDatabasePopulator(new ClassPathResource("org/glasshouse/ops/run-lock-schema.sql"));
        script.execute(h2);
        script.execute(h2); // idempotent, as at every start
    }

    @Override
    DataSource db() {
        return h2;
    }
}
