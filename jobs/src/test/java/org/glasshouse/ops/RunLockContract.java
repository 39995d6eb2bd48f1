package org.glasshouse.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.glasshouse.publish.ReleasePublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the run lock in the job repository guarantees, on whichever database {@link #db()} gives (H2, PostgreSQL with
 * the least-privilege role). Each test uses its own lock name, so they share one schema.
 */
abstract class RunLockContract {

    static final Duration LONG = Duration.ofMinutes(2);
    static final Duration BEAT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    abstract DataSource db();

    static String name() {
        return "file:/test/" + UUID.randomUUID() + "/";
    }

    @Test
    void aSecondAcquirerIsRefusedWithAMessageNamingTheOwner() throws Exception {
        String name = name();
        try (RepositoryRunLock first = RepositoryRunLock.acquire(db(), name, LONG, BEAT)) {
            assertThat(first.fence()).isEqualTo(1);
            assertThatThrownBy(() -> RepositoryRunLock.acquire(db(), name, LONG, BEAT))
                    .isInstanceOf(RunLockBusy.class)
                    .hasMessageContaining("holds the run lock on " + name)
                    .hasMessageContaining("owner " + first.owner())
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            assertThat(row(name).owner()).isEqualTo(first.owner());
        }
    }

    @Test
    void releaseAtTheEndLetsTheNextRunInAtOnceWithTheNextFence() throws Exception {
        String name = name();
        String firstOwner;
        try (RepositoryRunLock first = RepositoryRunLock.acquire(db(), name, LONG, BEAT)) {
            firstOwner = first.owner();
        }
        RepositoryRunLock.Row released = row(name);
        assertThat(released.expires()).isBefore(released.now());
        try (RepositoryRunLock second = RepositoryRunLock.acquire(db(), name, LONG, BEAT)) {
            assertThat(second.fence()).isEqualTo(2);
            assertThat(second.owner()).isNotEqualTo(firstOwner);
            assertThat(row(name).owner()).isEqualTo(second.owner());
        }
    }

    @Test
    void theHeartbeatKeepsTheLockPastItsTtlAndAnOwnerThatStopsHeartbeatingLosesItAfterTheTtl() throws Exception {
        String name = name();
        Duration ttl = Duration.ofMillis(800);
        try (RepositoryRunLock owner = RepositoryRunLock.acquire(db(), name, ttl, Duration.ofMillis(100))) {
            Thread.sleep(1500); // nearly two ttls: only the heartbeat keeps it
            assertThatThrownBy(() -> RepositoryRunLock.acquire(db(), name, ttl, Duration.ofMillis(100)))
                    .isInstanceOf(RunLockBusy.class).hasMessageContaining(owner.owner());
            owner.stopHeartbeat(); // frozen or killed -9
            Thread.sleep(1200);
            try (RepositoryRunLock taker = RepositoryRunLock.acquire(db(), name, ttl, Duration.ofMillis(100))) {
                assertThat(taker.fence()).isEqualTo(owner.fence() + 1);
                assertThat(row(name).owner()).isEqualTo(taker.owner());
            }
        }
    }

    @Test
    void aHolderWhoseLockWasTakenCannotMoveThePublicPointer() throws Exception {
        String name = name();
        Path releases = tmp.resolve("releases");
        Path site = tmp.resolve("site");
        Path staged = Files.createDirectories(tmp.resolve("staging"));
        Files.writeString(staged.resolve("index.html"), "release one");
        Duration ttl = Duration.ofMillis(300);

        RepositoryRunLock stale = RepositoryRunLock.acquire(db(), name, ttl, Duration.ofMillis(100));
        // While it holds the lock, its fenced publish goes through.
        stale.fenced(() -> new ReleasePublisher(releases, site, s -> { }).publish(staged, "r1"));
        assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("release one");

        stale.stopHeartbeat(); // paused longer than the ttl ...
        Thread.sleep(600);
        try (RepositoryRunLock taker = RepositoryRunLock.acquire(db(), name, ttl, Duration.ofMillis(100))) {
            // ... then wakes up and tries to publish: refused before anything moves.
            Files.writeString(staged.resolve("index.html"), "release two");
            boolean[] ran = {false};
            assertThatThrownBy(() -> stale.fenced(() -> {
                ran[0] = true;
                return new ReleasePublisher(releases, site, s -> { }).publish(staged, "r2");
            })).isInstanceOf(RunLockBusy.class)
                    .hasMessageContaining("was taken from this process (" + stale.owner() + ", fence " + stale.fence())
                    .hasMessageContaining("by " + taker.owner() + " (fence " + taker.fence() + ")");
            assertThat(ran[0]).isFalse();
            assertThat(stale.lost()).isTrue();
            assertThat(Files.readSymbolicLink(site).toString()).isEqualTo("releases/r1");
            assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("release one");
            assertThat(Files.exists(releases.resolve("r2"))).isFalse();
            // Its release at the end does not free the taker's lock.
            stale.close();
            assertThat(row(name).owner()).isEqualTo(taker.owner());
            assertThat(row(name).expires()).isAfter(row(name).now());
            // The taker's own publish goes through.
            taker.fenced(() -> new ReleasePublisher(releases, site, s -> { }).publish(staged, "r2"));
            assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("release two");
        }
    }

    RepositoryRunLock.Row row(String name) throws Exception {
        try (Connection c = db().getConnection()) {
            return RepositoryRunLock.read(c, name);
        }
    }
}
