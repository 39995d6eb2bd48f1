-- The run lock in the job repository (docs/storage-design.md section 4). Run by Spring Boot's initializer with the
-- mode of spring.batch.jdbc.initialize-schema: at every start on H2, once by the owner role on PostgreSQL.
-- Times are instants from the database's clock; FENCE grows by one at each acquisition and is never reset
-- (release expires the row instead of deleting it: the least-privilege role has no DELETE).
CREATE TABLE IF NOT EXISTS GLASSHOUSE_RUN_LOCK (
    LOCK_NAME VARCHAR(500) NOT NULL PRIMARY KEY,
    OWNER VARCHAR(200) NOT NULL,
    FENCE BIGINT NOT NULL,
    HEARTBEAT TIMESTAMP WITH TIME ZONE NOT NULL,
    EXPIRES TIMESTAMP WITH TIME ZONE NOT NULL
);
