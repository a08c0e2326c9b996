package io.meshport.openlineage;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.Violation;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import io.meshport.openlineage.LineageEvent.Input;
import io.meshport.openlineage.LineageEvent.JobName;
import io.meshport.openlineage.OpenLineageStore.Direction;
import io.meshport.openlineage.OpenLineageStore.Kind;
import io.meshport.openlineage.OpenLineageStore.StoredEvent;
import io.meshport.openlineage.PortDatasets.PortRef;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The way in for OpenLineage events (RunEvent, JobEvent, DatasetEvent): one event or a batch,
 * all or nothing. Every event is read and checked first ({@link EventReader}: the official schema
 * and what the portal needs); every output dataset that is an output port of the catalog must
 * belong to a product the caller may act for (else 403, nothing stored); then each event is
 * stored once ({@link OpenLineageStore}; the same event again changes nothing) and each newly stored
 * RunEvent is published as {@link RunObserved}, with everything its run read and wrote so far.
 * See docs/decisions/0029-openlineage-ingest.md.
 */
@Service
public class OpenLineageService {

    /** The largest event whose JSON is kept in the event log; larger ones keep only their size. */
    static final int MAX_KEPT_BODY_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventReader reader;
    private final OpenLineageStore store;
    private final PortDatasets portDatasets;
    private final CurrentIdentity currentIdentity;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final EventRetention retention;
    private final TransactionTemplate transactions;
    private final IngestChecks checks;

    OpenLineageService(
            IngestChecks checks,
            EventReader reader,
            OpenLineageStore store,
            PortDatasets portDatasets,
            CurrentIdentity currentIdentity,
            ApplicationEventPublisher publisher,
            Clock clock,
            EventRetention retention,
            PlatformTransactionManager transactionManager) {
        this.checks = checks;
        this.reader = reader;
        this.store = store;
        this.portDatasets = portDatasets;
        this.currentIdentity = currentIdentity;
        this.publisher = publisher;
        this.clock = clock;
        this.retention = retention;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Ingests a body of UTF-8 JSON: one OpenLineage event (an object) or an array of up to {@link
     * #MAX_BATCH}.
     *
     * @throws io.meshport.catalog.InvalidDocumentException (400) any event is invalid; errors point
     *     at each problem, from the event's index in an array ({@code /0/run/runId})
     * @throws OutputNotAllowedException (403) an output is a product the caller may not act for
     */
    @PreAuthorize("isAuthenticated()")
    public Ingested ingest(byte[] body) {
        return retryingConflicts(() -> ingest(body, portDatasets::resolve));
    }

    /** As {@link #ingest(byte[])}, for a body already in a string. */
    @PreAuthorize("isAuthenticated()")
    public Ingested ingest(String body) {
        return ingest(body.getBytes(StandardCharsets.UTF_8));
    }

    /** How often an ingest that lost a deadlock to a concurrent one is tried again, in all. */
    static final int ATTEMPTS = 5;

    /**
     * Runs the ingest in a transaction of its own, again when it lost a deadlock or a lock wait to
     * a concurrent ingest: pipelines post in parallel, and two batches naming the same datasets,
     * runs or products in another order lock their rows in another order. All or nothing holds per
     * attempt, so trying again is safe; only the last failure reaches the caller.
     */
    private Ingested retryingConflicts(java.util.function.Supplier<Ingested> ingest) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> ingest.get());
            } catch (PessimisticLockingFailureException | DataIntegrityViolationException conflict) {
                // A product deleted while this ingest wrote lineage of it fails a foreign key:
                // the next attempt looks the datasets up again, without it.
                if (attempt == ATTEMPTS
                        || (conflict instanceof DataIntegrityViolationException && !foreignKeyViolation(conflict))) {
                    throw conflict;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw conflict;
                }
            }
        }
    }

    private static boolean foreignKeyViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23503".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The most events one call takes. */
    public static final int MAX_BATCH = EventReader.MAX_BATCH;

    /**
     * The ingest with the catalog's datasets given: the seam that lets tests map datasets to ports
     * before the naming of datasets is there to do it.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    Ingested ingest(byte[] body, Function<Collection<DatasetName>, Map<DatasetName, List<PortRef>>> resolver) {
        Identity caller = currentIdentity.require();
        List<LineageEvent> events = reader.read(body);
        checks.refuseFutureEvents(events);
        Ports ports = new Ports(resolver);
        ports.resolve(named(events));
        store.lockInOrder(lockedThings(events, ports));
        // Under the runs' locks: what they wrote before cannot change until this commits.
        Map<UUID, List<DatasetName>> written = checks.storedOutputs(runIds(events));
        written.values().forEach(ports::resolve);
        IngestChecks.refuseForeignOutputs(events, caller, written, ports::of);
        checks.refuseOversizedRuns(events);
        Instant received = clock.instant();
        // Older than the retention window: checked like any other, then neither stored nor derived from,
        // as if it had already been deleted (docs/decisions/0034-openlineage-retention.md).
        Instant cutoff = retention.cutoff(received);
        Map<JobName, Long> jobs = store.jobs(jobsFirstNamed(events.stream()
                .filter(event -> !event.eventTime().isBefore(cutoff))
                .toList()));
        int stored = 0;
        int olderThanRetention = 0;
        for (LineageEvent event : events) {
            if (event.eventTime().isBefore(cutoff)) {
                olderThanRetention++;
                continue;
            }
            boolean isNew =
                    switch (event) {
                        case LineageEvent.RunEvent run -> storeRun(run, jobs.get(run.job()), caller, received, ports);
                        case LineageEvent.JobEvent job -> storeJob(job, jobs.get(job.job()), caller, received);
                        case LineageEvent.DatasetEvent dataset -> storeDataset(dataset, caller, received);
                    };
            if (isNew) {
                stored++;
            }
        }
        return new Ingested(events.size(), stored, events.size() - stored - olderThanRetention, olderThanRetention);
    }

    private boolean storeRun(LineageEvent.RunEvent run, long jobId, Identity caller, Instant received, Ports ports) {
        if (!store.insertEvent(logged(run, Kind.RUN, run.runId(), run.eventType(), jobId, null, caller, received))) {
            return false;
        }
        store.storeRun(
                run.runId(),
                jobId,
                run.state(),
                run.eventTime(),
                run.inputs().stream().map(Input::dataset).toList(),
                run.outputs(),
                caller.username(),
                received);
        RunObserved observed = observed(run, caller, ports);
        publish(run, observed);
        if (!run.outputs().isEmpty()) {
            // The run ended before this event named these outputs (events arrive in any order):
            // they were written by the run as it ended, so its end is observed again with them.
            checks.end(run.runId())
                    .filter(end -> !end.is(run))
                    .ifPresent(end -> publish(run, observed.endedAs(end.state(), end.at())));
        }
        return true;
    }

    private void publish(LineageEvent.RunEvent run, RunObserved observed) {
        try {
            publisher.publishEvent(observed);
        } catch (InvalidDocumentException refused) {
            // A listener refused what the event says (an event time too far ahead, say): its
            // pointers are into the event, so they move to where the event is in the request.
            throw new InvalidDocumentException(
                    refused.getMessage(),
                    refused.violations().stream()
                            .map(v -> new Violation(run.at() + v.pointer(), v.message()))
                            .toList());
        }
    }

    private boolean storeJob(LineageEvent.JobEvent job, long jobId, Identity caller, Instant received) {
        if (!store.insertEvent(logged(job, Kind.JOB, null, null, jobId, null, caller, received))) {
            return false;
        }
        store.touchJob(jobId, job.eventTime());
        List<DatasetName> inputs = job.inputs().stream().map(Input::dataset).toList();
        Map<DatasetName, Long> ids = store.datasets(union(inputs, job.outputs()), job.eventTime());
        store.jobDatasets(jobId, Direction.INPUT, inputs.stream().map(ids::get).toList(), job.eventTime());
        store.jobDatasets(
                jobId, Direction.OUTPUT, job.outputs().stream().map(ids::get).toList(), job.eventTime());
        return true;
    }

    private boolean storeDataset(LineageEvent.DatasetEvent dataset, Identity caller, Instant received) {
        long datasetId = store.dataset(dataset.dataset(), dataset.eventTime());
        if (!store.insertEvent(logged(dataset, Kind.DATASET, null, null, null, datasetId, caller, received))) {
            return false;
        }
        store.touchDataset(datasetId, dataset.eventTime());
        return true;
    }

    /**
     * The run as it stands after this event: every dataset of all its events that a port maps;
     * the assertions this event reported, on products the caller may act for.
     */
    private RunObserved observed(LineageEvent.RunEvent run, Identity caller, Ports ports) {
        Map<Direction, List<DatasetName>> all = store.runDatasets(run.runId());
        ports.resolve(union(all.get(Direction.INPUT), all.get(Direction.OUTPUT)));
        Map<DatasetName, List<PortDataset.QualityAssertion>> assertions = new HashMap<>();
        for (Input input : run.inputs()) {
            assertions.computeIfAbsent(input.dataset(), d -> new ArrayList<>()).addAll(input.assertions());
        }
        List<PortDataset> inputs = new ArrayList<>();
        for (DatasetName dataset : all.get(Direction.INPUT)) {
            for (PortRef ref : ports.of(dataset)) {
                List<PortDataset.QualityAssertion> reported =
                        caller.mayActFor(ref.team()) ? assertions.getOrDefault(dataset, List.of()) : List.of();
                inputs.add(new PortDataset(ref.productId(), ref.outputPort(), ref.contractId(), dataset, reported));
            }
        }
        List<PortDataset> outputs = new ArrayList<>();
        for (DatasetName dataset : all.get(Direction.OUTPUT)) {
            for (PortRef ref : ports.of(dataset)) {
                if (!IngestChecks.writable(ref, caller)) {
                    continue; // another team's port naming the same dataset: not written by this run
                }
                outputs.add(new PortDataset(ref.productId(), ref.outputPort(), ref.contractId(), dataset, List.of()));
            }
        }
        return new RunObserved(
                run.runId().toString(),
                run.job().namespace(),
                run.job().name(),
                run.state(),
                run.eventTime(),
                inputs,
                outputs,
                caller.username());
    }

    private static StoredEvent logged(
            LineageEvent event,
            Kind kind,
            @Nullable UUID runId,
            @Nullable String eventType,
            @Nullable Long jobId,
            @Nullable Long datasetId,
            Identity caller,
            Instant received) {
        String json = JSON.writeValueAsString(event.raw());
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        return new StoredEvent(
                kind,
                runId,
                eventType,
                jobId,
                datasetId,
                event.eventTime(),
                received,
                caller.username(),
                bytes,
                bytes <= MAX_KEPT_BODY_BYTES ? json : null);
    }

    /** Every dataset the run and job events name (dataset events need no port). */
    /** What the events will write: their datasets, jobs and runs, and the products the datasets are. */
    private static Set<String> lockedThings(List<LineageEvent> events, Ports ports) {
        Set<String> things = new LinkedHashSet<>();
        for (DatasetName dataset : named(events)) {
            things.add(OpenLineageStore.lockName(dataset));
            ports.of(dataset).forEach(port -> things.add("product:" + port.productId()));
        }
        for (LineageEvent event : events) {
            switch (event) {
                case LineageEvent.RunEvent run -> {
                    things.add(OpenLineageStore.lockName(run.job()));
                    things.add(OpenLineageStore.lockName(run.runId()));
                }
                case LineageEvent.JobEvent job -> things.add(OpenLineageStore.lockName(job.job()));
                case LineageEvent.DatasetEvent dataset -> things.add(OpenLineageStore.lockName(dataset.dataset()));
            }
        }
        return things;
    }

    /**
     * The jobs the events name, each with the time of the first event naming it: a job new to the
     * portal is first and last seen then (the events after it widen that as they are stored).
     */
    private static Map<JobName, Instant> jobsFirstNamed(List<LineageEvent> events) {
        Map<JobName, Instant> jobs = new LinkedHashMap<>();
        for (LineageEvent event : events) {
            switch (event) {
                case LineageEvent.RunEvent run -> jobs.putIfAbsent(run.job(), run.eventTime());
                case LineageEvent.JobEvent job -> jobs.putIfAbsent(job.job(), job.eventTime());
                case LineageEvent.DatasetEvent dataset -> {}
            }
        }
        return jobs;
    }

    private static Set<UUID> runIds(List<LineageEvent> events) {
        Set<UUID> runs = new LinkedHashSet<>();
        events.forEach(event -> {
            if (event instanceof LineageEvent.RunEvent run) {
                runs.add(run.runId());
            }
        });
        return runs;
    }

    private static Set<DatasetName> named(List<LineageEvent> events) {
        Set<DatasetName> named = new LinkedHashSet<>();
        for (LineageEvent event : events) {
            switch (event) {
                case LineageEvent.RunEvent run -> {
                    run.inputs().forEach(input -> named.add(input.dataset()));
                    named.addAll(run.outputs());
                }
                case LineageEvent.JobEvent job -> {
                    job.inputs().forEach(input -> named.add(input.dataset()));
                    named.addAll(job.outputs());
                }
                case LineageEvent.DatasetEvent dataset -> {}
            }
        }
        return named;
    }

    private static Set<DatasetName> union(Collection<DatasetName> a, Collection<DatasetName> b) {
        Set<DatasetName> union = new LinkedHashSet<>(a);
        union.addAll(b);
        return union;
    }

    /** The ports of the datasets looked up so far, asking the resolver only for those not asked yet. */
    private static final class Ports {

        private final Function<Collection<DatasetName>, Map<DatasetName, List<PortRef>>> resolver;
        private final Map<DatasetName, List<PortRef>> known = new HashMap<>();

        Ports(Function<Collection<DatasetName>, Map<DatasetName, List<PortRef>>> resolver) {
            this.resolver = resolver;
        }

        void resolve(Collection<DatasetName> datasets) {
            List<DatasetName> unknown =
                    datasets.stream().filter(d -> !known.containsKey(d)).toList();
            if (unknown.isEmpty()) {
                return;
            }
            Map<DatasetName, List<PortRef>> found = resolver.apply(unknown);
            for (DatasetName dataset : unknown) {
                known.put(dataset, List.copyOf(found.getOrDefault(dataset, List.of())));
            }
        }

        List<PortRef> of(DatasetName dataset) {
            return known.getOrDefault(dataset, List.of());
        }
    }
}
