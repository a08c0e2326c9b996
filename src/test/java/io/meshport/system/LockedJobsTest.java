package io.meshport.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.meshport.testing.MeshportTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Scheduled work runs once across all nodes (decision 0016): a job's lock lives in PostgreSQL, so a
 * second node (here a second lock provider on the same database, or a second thread) that starts
 * the job while another holds it skips the round.
 */
@MeshportTest
class LockedJobsTest {

    @Autowired
    CompetingJobs jobs;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freshLocks() {
        jdbc.sql("delete from shedlock where name like 'test-%'").update();
    }

    @Test
    void every_scheduled_job_holds_a_lock_of_its_own_for_its_interval() {
        List<JavaMethod> scheduled = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.meshport").stream()
                        .flatMap(type -> type.getMethods().stream())
                        .filter(method -> method.isAnnotatedWith(Scheduled.class))
                        .toList();
        assertThat(scheduled).hasSizeGreaterThanOrEqualTo(4);
        assertThat(scheduled)
                .extracting(method -> method.getOwner().getSimpleName() + "." + method.getName())
                .contains("AgreementSweep.runScheduled", "GovernanceSweep.runScheduled");

        assertThat(scheduled).allSatisfy(method -> {
            assertThat(method.isAnnotatedWith(SchedulerLock.class))
                    .as("%s has a @SchedulerLock", method.getFullName())
                    .isTrue();
            Scheduled schedule = method.getAnnotationOfType(Scheduled.class);
            SchedulerLock lock = method.getAnnotationOfType(SchedulerLock.class);
            // Held for the interval: another node's timer firing within it skips the round.
            assertThat(lock.lockAtLeastFor())
                    .as("%s is locked for at least its interval", method.getFullName())
                    .isEqualTo(schedule.fixedDelayString());
        });
        assertThat(scheduled.stream()
                        .map(method ->
                                method.getAnnotationOfType(SchedulerLock.class).name())
                        .distinct())
                .hasSameSizeAs(scheduled);
    }

    @Test
    void two_starts_of_a_job_at_the_same_time_run_it_once() throws Exception {
        int before = CompetingJobs.overlappingRuns.get();
        CompetingJobs.release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(jobs::overlapping));
        await().atMost(Duration.ofSeconds(10)).until(() -> CompetingJobs.overlappingRuns.get() == before + 1);

        // The first is still running, holding the lock: the second start finds it held and skips.
        run(jobs::overlapping);
        assertThat(CompetingJobs.overlappingRuns.get()).isEqualTo(before + 1);

        CompetingJobs.release.countDown();
        first.get();
        // Once the first run is over (held at least 0 s), the next round runs.
        run(jobs::overlapping);
        assertThat(CompetingJobs.overlappingRuns.get()).isEqualTo(before + 2);
    }

    @Test
    void a_job_held_by_another_node_is_skipped_until_that_node_lets_it_go() {
        LockProvider otherNode = node("node-b");
        int before = CompetingJobs.overlappingRuns.get();
        Optional<SimpleLock> held = otherNode.lock(
                new LockConfiguration(Instant.now(), CompetingJobs.OVERLAPPING, Duration.ofMinutes(1), Duration.ZERO));
        assertThat(held).isPresent();

        run(jobs::overlapping);
        assertThat(CompetingJobs.overlappingRuns.get()).isEqualTo(before);
        assertThat(lockedBy(CompetingJobs.OVERLAPPING)).isEqualTo("node-b");

        held.orElseThrow().unlock();
        run(jobs::overlapping);
        assertThat(CompetingJobs.overlappingRuns.get()).isEqualTo(before + 1);
    }

    @Test
    void two_nodes_asking_for_the_same_lock_at_once_get_it_once() throws Exception {
        LockConfiguration round =
                new LockConfiguration(Instant.now(), "test-two-nodes", Duration.ofMinutes(1), Duration.ZERO);
        LockProvider a = node("node-a");
        LockProvider b = node("node-b");
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Optional<SimpleLock>> onA =
                CompletableFuture.supplyAsync(() -> lockWhenStarted(start, a, round));
        CompletableFuture<Optional<SimpleLock>> onB =
                CompletableFuture.supplyAsync(() -> lockWhenStarted(start, b, round));
        start.countDown();

        assertThat(List.of(onA.get(), onB.get()))
                .filteredOn(Optional::isPresent)
                .hasSize(1);
    }

    @Test
    void a_round_holds_the_lock_for_its_interval_by_the_databases_clock() {
        int before = CompetingJobs.hourlyRuns.get();
        jobs.hourly();
        jobs.hourly();
        assertThat(CompetingJobs.hourlyRuns.get()).isEqualTo(before + 1);

        // Written by PostgreSQL in UTC, not by this JVM: locked now, held for the hour.
        Duration sinceLocked = jdbc.sql("select extract(epoch from timezone('utc', current_timestamp) - locked_at)"
                        + " * 1000 from shedlock where name = :name")
                .param("name", CompetingJobs.HOURLY)
                .query((rs, row) -> Duration.ofMillis(rs.getLong(1)))
                .single();
        assertThat(sinceLocked).isBetween(Duration.ZERO, Duration.ofSeconds(30));
        Duration held = jdbc.sql("select extract(epoch from lock_until - locked_at) from shedlock where name = :name")
                .param("name", CompetingJobs.HOURLY)
                .query((rs, row) -> Duration.ofSeconds(rs.getLong(1)))
                .single();
        assertThat(held).isEqualTo(Duration.ofHours(1));
    }

    private LockProvider node(String name) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .withLockedByValue(name)
                .build());
    }

    private String lockedBy(String name) {
        return jdbc.sql("select locked_by from shedlock where name = :name")
                .param("name", name)
                .query(String.class)
                .single();
    }

    private static Optional<SimpleLock> lockWhenStarted(
            CountDownLatch start, LockProvider node, LockConfiguration round) {
        try {
            start.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return node.lock(round);
    }

    private interface Job {
        void run() throws Exception;
    }

    private static void run(Job job) {
        try {
            job.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
