package org.glasshouse.ops;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Which run lock a run takes, and the one this process holds: the OS file lock always (JobRuns), plus the lock row
 * in the job repository ({@link RepositoryRunLock}) when {@link #databaseMode} says so. The publish step asks
 * {@link #fenced} to move the public pointer only while this process still holds that row.
 */
@Configuration(proxyBeanMethods = false)
public class RunLocks {

    private final DataSource db;
    private final RunLockSettings settings;
    private final boolean database;
    private final String out;
    private final String publishUri;
    private volatile RepositoryRunLock held;

    public RunLocks(DataSource db, RunLockSettings settings, Environment env) {
        this.db = db;
        this.settings = settings;
        this.database = databaseMode(settings.mode(), env.getProperty("spring.datasource.url", ""), storageUris(env));
        this.out = env.getProperty("glasshouse.out", "out");
        this.publishUri = env.getProperty("glasshouse.storage.publish-uri", "").trim();
    }

    /**
     * GLASSHOUSE_RUN_LOCK is created like Spring Batch's tables: with the mode of spring.batch.jdbc.initialize-schema
     * (always on the default H2 file, idempotently; once by the owner role on PostgreSQL, never by the daily role).
     */
    @Bean
    static DataSourceScriptDatabaseInitializer runLockSchemaInitializer(DataSource db, Environment env) {
        DatabaseInitializationSettings s = new DatabaseInitializationSettings();
        s.setSchemaLocations(List.of("classpath:org/glasshouse/ops/run-lock-schema.sql"));
        s.setMode(Binder.get(env).bind("spring.batch.jdbc.initialize-schema", DatabaseInitializationMode.class)
                .orElse(DatabaseInitializationMode.EMBEDDED));
        return new DataSourceScriptDatabaseInitializer(db, s);
    }

    /** auto: the database lock unless the repository is H2 on this machine and every store is a local path. */
    static boolean databaseMode(RunLockSettings.Mode mode, String repositoryUrl, List<String> storeUris) {
        return switch (mode) {
            case FILE -> false;
            case DATABASE -> true;
            case AUTO -> !repositoryUrl.startsWith("jdbc:h2:")
                    || storeUris.stream().anyMatch(u -> !u.isBlank() && u.contains(":") && !u.startsWith("file:"));
        };
    }

    /** The values of every glasshouse.storage.*-uri setting (whichever stores are configurable). */
    static List<String> storageUris(Environment env) {
        Map<String, Object> storage = Binder.get(env).bind("glasshouse.storage",
                Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
        return storage.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(java.util.Locale.ROOT).replace("-", "").endsWith("uri"))
                .map(e -> String.valueOf(e.getValue()).trim()).toList();
    }

    public boolean databaseMode() {
        return database;
    }

    /** The lock's name: the release store it guards when there is one, else the output folder. */
    public String lockName() {
        if (!publishUri.isEmpty()) return publishUri;
        // toUri() ends in '/' only once the folder exists: the name must not depend on that.
        String uri = Path.of(out).toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /**
     * The database lock for this process's run, or null in file mode (a null resource is fine in try-with-resources).
     * Throws {@link RunLockBusy} naming the owner when a live process holds it.
     */
    public RepositoryRunLock acquireIfDatabase() throws SQLException {
        if (!database) return null;
        RepositoryRunLock lock = RepositoryRunLock.acquire(db, lockName(), settings.ttl(), settings.heartbeat());
        held = lock;
        return lock;
    }

    /** Runs the pointer switch fenced by the database lock this process holds (as is, in file mode). */
    public <T> T fenced(RepositoryRunLock.Fenced<T> work) throws Exception {
        RepositoryRunLock lock = held;
        return lock == null ? work.call() : lock.fenced(work);
    }

    /** The context's RunLocks' database lock, or null in file mode. */
    public static RepositoryRunLock acquireIfDatabase(ApplicationContext ctx) throws SQLException {
        return ctx.getBean(RunLocks.class).acquireIfDatabase();
    }
}
