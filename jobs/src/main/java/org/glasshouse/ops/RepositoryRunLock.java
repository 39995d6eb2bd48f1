package org.glasshouse.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The run lock as a row of GLASSHOUSE_RUN_LOCK in the job repository, for deployments where an OS file lock proves
 * nothing (PostgreSQL shared by hosts, releases on HDFS or S3): docs/storage-design.md section 4.
 * <ul>
 *   <li>Acquire, in one transaction: take over the row if it expired (FENCE + 1), else insert it (FENCE 1); the
 *       primary key makes the insert exclusive. Otherwise {@link RunLockBusy} names the owner.</li>
 *   <li>A daemon thread renews EXPIRES = now + ttl every heartbeat. A dead (or frozen) holder stops renewing; after
 *       the ttl the next acquirer takes the lock, which is what proves to {@code restart} that a STARTED run is
 *       dead.</li>
 *   <li>{@link #fenced} runs the pointer switch while the row is locked and still carries this holder's FENCE: a
 *       holder whose lock was taken meanwhile cannot publish.</li>
 *   <li>Release expires the row (no DELETE: the least-privilege PostgreSQL role has none); FENCE keeps growing.</li>
 * </ul>
 * Every time comes from the database ({@code CURRENT_TIMESTAMP}), never from the callers' clocks.
 */
public final class RepositoryRunLock implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RepositoryRunLock.class);

    /** now + ? milliseconds, in SQL both H2 and PostgreSQL accept. */
    private static final String NOW_PLUS = "CURRENT_TIMESTAMP + CAST(? AS BIGINT) * INTERVAL '0.001' SECOND";
    private static final String TAKE_EXPIRED = "UPDATE GLASSHOUSE_RUN_LOCK SET OWNER = ?, FENCE = FENCE + 1, "
            + "HEARTBEAT = CURRENT_TIMESTAMP, EXPIRES = " + NOW_PLUS + " WHERE LOCK_NAME = ? AND EXPIRES < CURRENT_TIMESTAMP";
    private static final String INSERT = "INSERT INTO GLASSHOUSE_RUN_LOCK (LOCK_NAME, OWNER, FENCE, HEARTBEAT, EXPIRES) "
            + "VALUES (?, ?, 1, CURRENT_TIMESTAMP, " + NOW_PLUS + ")";
    private static final String RENEW = "UPDATE GLASSHOUSE_RUN_LOCK SET HEARTBEAT = CURRENT_TIMESTAMP, EXPIRES = "
            + NOW_PLUS + " WHERE LOCK_NAME = ? AND OWNER = ? AND FENCE = ?";
    private static final String RELEASE = "UPDATE GLASSHOUSE_RUN_LOCK SET HEARTBEAT = CURRENT_TIMESTAMP, "
            + "EXPIRES = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE LOCK_NAME = ? AND OWNER = ? AND FENCE = ?";
    private static final String READ = "SELECT OWNER, FENCE, HEARTBEAT, EXPIRES, CURRENT_TIMESTAMP "
            + "FROM GLASSHOUSE_RUN_LOCK WHERE LOCK_NAME = ?";

    /** Work done while the lock is verified and held still, e.g. moving the public pointer. */
    @FunctionalInterface
    public interface Fenced<T> {
        T call() throws Exception;
    }

    private final DataSource db;
    private final String name;
    private final String owner;
    private final long fence;
    private final Duration ttl;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean lost;
    private volatile boolean closed;

    private RepositoryRunLock(DataSource db, String name, String owner, long fence, Duration ttl, Duration every) {
        this.db = db;
        this.name = name;
        this.owner = owner;
        this.fence = fence;
        this.ttl = ttl;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "glasshouse-run-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::renew, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The lock named {@code name} (the output store it guards), or {@link RunLockBusy} naming its live owner. */
    public static RepositoryRunLock acquire(DataSource db, String name, Duration ttl, Duration heartbeat)
            throws SQLException {
        String owner = ownerId();
        try (Connection c = db.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                boolean taken;
                try (PreparedStatement ps = c.prepareStatement(TAKE_EXPIRED)) {
                    ps.setString(1, owner);
                    ps.setLong(2, ttl.toMillis());
                    ps.setString(3, name);
                    taken = ps.executeUpdate() == 1;
                }
                if (!taken && read(c, name) == null) {
                    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                        ps.setString(1, name);
                        ps.setString(2, owner);
                        ps.setLong(3, ttl.toMillis());
                        taken = ps.executeUpdate() == 1;
                    } catch (SQLException duplicate) {
                        // Another process inserted the row between our read and our insert: it holds the lock.
                        if (!"23505".equals(duplicate.getSQLState())) throw duplicate;
                    }
                }
                if (!taken) {
                    c.rollback();
                    throw new RunLockBusy(busyMessage(name, read(c, name)));
                }
                Row row = read(c, name);
                c.commit();
                log.debug("Run lock on {} taken by {} (fence {})", name, owner, row.fence());
                return new RepositoryRunLock(db, name, owner, row.fence(), ttl, heartbeat);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    public String name() {
        return name;
    }

    public String owner() {
        return owner;
    }

    /** This holder's fencing token: grows by one at each acquisition of the lock. */
    public long fence() {
        return fence;
    }

    /** Whether a heartbeat found the lock taken by another process. */
    public boolean lost() {
        return lost;
    }

    /**
     * Runs {@code work} holding the lock row (renewed, and locked until {@code work} ends) if it still carries this
     * holder's fence; else refuses with {@link RunLockBusy} and {@code work} never runs. Nobody can take the lock
     * while {@code work} runs.
     */
    public <T> T fenced(Fenced<T> work) throws Exception {
        if (closed) throw new IllegalStateException("the run lock on " + name + " was released; nothing to fence");
        try (Connection c = db.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (renew(c) != 1) {
                    c.rollback();
                    lost = true;
                    Row now = read(c, name);
                    throw new RunLockBusy("The run lock on " + name + " was taken from this process (" + owner
                            + ", fence " + fence + ") by " + (now == null ? "?" : now.owner() + " (fence "
                            + now.fence() + ")") + " after it missed its heartbeats; nothing is published by this "
                            + "run. 'glasshouse status' shows the run that holds it.");
                }
                T result = work.call();
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    /** Stops renewing, as a frozen or dead process would (tests; close() also does it). */
    void stopHeartbeat() {
        heartbeat.shutdownNow();
    }

    private void renew() {
        try (Connection c = db.getConnection()) {
            if (renew(c) != 1) {
                lost = true;
                heartbeat.shutdown();
                log.error("The run lock on {} was taken by another process after this one ({}) missed its "
                        + "heartbeats; this run will not publish", name, owner);
            }
        } catch (SQLException e) {
            log.warn("Run lock heartbeat failed (retried in the next beat): {}", e.toString());
        }
    }

    private int renew(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RENEW)) {
            ps.setLong(1, ttl.toMillis());
            ps.setString(2, name);
            ps.setString(3, owner);
            ps.setLong(4, fence);
            return ps.executeUpdate();
        }
    }

    /** Stops the heartbeat and expires the row, so the next run takes the lock at once. */
    @Override
    public void close() throws SQLException {
        if (closed) return;
        closed = true;
        heartbeat.shutdownNow();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(RELEASE)) {
            if (!c.getAutoCommit()) c.setAutoCommit(true);
            ps.setString(1, name);
            ps.setString(2, owner);
            ps.setLong(3, fence);
            ps.executeUpdate();
        }
    }

    record Row(String owner, long fence, java.time.OffsetDateTime heartbeat, java.time.OffsetDateTime expires,
               java.time.OffsetDateTime now) {}

    static Row read(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(READ)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                return new Row(rs.getString(1), rs.getLong(2), rs.getObject(3, java.time.OffsetDateTime.class),
                        rs.getObject(4, java.time.OffsetDateTime.class), rs.getObject(5, java.time.OffsetDateTime.class));
            }
        }
    }

    private static String busyMessage(String name, Row row) {
        if (row == null) return "The run lock on " + name + " could not be taken; try again.";
        long left = Duration.between(row.now(), row.expires()).toSeconds();
        return "A Glasshouse run holds the run lock on " + name + " in the job repository: owner " + row.owner()
                + ", last heartbeat " + row.heartbeat() + " (database time); not starting another. If that process "
                + "is dead its lock expires in " + Math.max(left, 0) + " s (glasshouse.run-lock.ttl), and then "
                + "'glasshouse restart' marks its run failed and resumes it.";
    }

    /** host, pid and a random token: unique per acquisition, readable in messages. */
    private static String ownerId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        String id = host + " pid " + ProcessHandle.current().pid() + " " + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 200 ? id.substring(id.length() - 200) : id;
    }
}
