package io.meshport.openlineage;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.Violation;
import io.meshport.identity.Identity;
import io.meshport.openlineage.PortDatasets.PortRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the ingest checks of a request besides the events' own shape ({@link EventReader}), before
 * it stores anything: that no event is from the future, that the sender may report every output
 * of every run it reports on (a run's outputs accumulate over its events, so also those stored
 * before), and that no run grows beyond {@link #MAX_RUN_DATASETS}. And, once a run event is
 * stored, how the run ended, for an event that names outputs after the run's end arrived.
 * docs/decisions/0036-ingest-hardening.md.
 */
@Component
class IngestChecks {

    /** How far ahead of the portal's clock an event may be: clocks differ a little, never by more. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * The most datasets (inputs and outputs together, each once) one run may name over all its
     * events: far more than a real job touches, few enough that every event of the run may reload
     * them.
     */
    static final int MAX_RUN_DATASETS = 10_000;

    /** How a run ended: its latest COMPLETE, FAIL or ABORT by event time. */
    record End(RunState state, Instant at) {

        boolean is(LineageEvent.RunEvent run) {
            return run.state() == state
                    && run.eventTime().truncatedTo(ChronoUnit.MICROS).equals(at);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    IngestChecks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Refuses (400 at each {@code eventTime}) events that say they happened in the future. */
    void refuseFutureEvents(List<LineageEvent> events) {
        Instant now = clock.instant();
        Instant latest = now.plus(CLOCK_SKEW);
        List<Violation> violations = new ArrayList<>();
        for (LineageEvent event : events) {
            if (event.eventTime().isAfter(latest) && violations.size() < EventReader.MAX_REPORTED) {
                violations.add(new Violation(
                        event.at() + "/eventTime",
                        "eventTime " + event.eventTime() + " is more than " + CLOCK_SKEW.toMinutes()
                                + " minutes ahead of the portal's clock (" + now.truncatedTo(ChronoUnit.SECONDS)
                                + "); an event reports what already happened. Nothing was stored."));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidDocumentException(
                    violations.size() == 1
                            ? "Invalid event: " + violations.getFirst().message()
                            : "Invalid events",
                    violations);
        }
    }

    /** The outputs each of these runs has stored so far, over all its earlier events. */
    Map<UUID, List<DatasetName>> storedOutputs(Collection<UUID> runIds) {
        Map<UUID, List<DatasetName>> found = new HashMap<>();
        if (runIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select rd.run_id, d.namespace, d.name
                          from openlineage_run_dataset rd join openlineage_dataset d on d.id = rd.dataset_id
                         where rd.run_id = any (cast(:runs as uuid[])) and rd.direction = 'output'
                         order by rd.run_id, d.namespace, d.name
                        """)
                .param("runs", runIds.stream().distinct().toArray(UUID[]::new))
                .query((rs, row) -> found.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                        .add(new DatasetName(rs.getString(2), rs.getString(3))))
                .list();
        return found;
    }

    /**
     * Refuses (403, nothing stored) a request with an output dataset that is only ports of
     * products the caller may not act for: in an event's own outputs, or among what its run wrote
     * before (a run id is no secret; without this, anyone could add inputs, failures or earlier
     * times to another team's run). A dataset that is also a port of a product the caller may act
     * for is allowed: it counts as written for that product only (see {@link #writable}).
     */
    static void refuseForeignOutputs(
            List<LineageEvent> events,
            Identity caller,
            Map<UUID, List<DatasetName>> storedOutputs,
            Function<DatasetName, List<PortRef>> ports) {
        List<Violation> refused = new ArrayList<>();
        Set<UUID> runsChecked = new LinkedHashSet<>();
        for (LineageEvent event : events) {
            List<DatasetName> outputs =
                    switch (event) {
                        case LineageEvent.RunEvent run -> run.outputs();
                        case LineageEvent.JobEvent job -> job.outputs();
                        case LineageEvent.DatasetEvent dataset -> List.of();
                    };
            for (int i = 0; i < outputs.size(); i++) {
                List<PortRef> foreign = foreign(ports.apply(outputs.get(i)), caller);
                if (!foreign.isEmpty()) {
                    refused.add(new Violation(
                            event.at() + "/outputs/" + i,
                            "The dataset " + outputs.get(i) + " is " + describe(foreign)
                                    + "; only that team (or governance) may report writing it."));
                }
            }
            if (event instanceof LineageEvent.RunEvent run && runsChecked.add(run.runId())) {
                for (DatasetName written : storedOutputs.getOrDefault(run.runId(), List.of())) {
                    List<PortRef> foreign = foreign(ports.apply(written), caller);
                    if (!foreign.isEmpty()) {
                        refused.add(new Violation(
                                event.at() + "/run/runId",
                                "The run " + run.runId() + " wrote " + written + ", which is " + describe(foreign)
                                        + "; only that team (or governance) may report events of this run."));
                    }
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new OutputNotAllowedException(
                    refused.size() > EventReader.MAX_REPORTED ? refused.subList(0, EventReader.MAX_REPORTED) : refused);
        }
    }

    /**
     * The ports of a dataset the caller writes: those of products it may act for. When a dataset
     * is ports of several teams' products, only the caller's own count as written by its run.
     */
    static boolean writable(PortRef port, Identity caller) {
        return caller.mayActFor(port.team());
    }

    /** The ports when none is the caller's (the dataset is someone else's), else none. */
    private static List<PortRef> foreign(List<PortRef> ports, Identity caller) {
        return ports.stream().anyMatch(port -> writable(port, caller)) ? List.of() : ports;
    }

    private static String describe(List<PortRef> ports) {
        return ports.stream()
                .map(ref -> "output port '" + ref.outputPort() + "' of data product '" + ref.productId()
                        + "', owned by team '" + ref.team() + "'")
                .collect(Collectors.joining(" and "));
    }

    /**
     * Refuses (400 at the event's run id) a request after which a run would name more than {@link
     * #MAX_RUN_DATASETS} datasets over all its events.
     */
    void refuseOversizedRuns(List<LineageEvent> events) {
        Map<UUID, Set<Named>> named = new LinkedHashMap<>();
        Map<UUID, String> firstAt = new HashMap<>();
        for (LineageEvent event : events) {
            if (event instanceof LineageEvent.RunEvent run) {
                firstAt.putIfAbsent(run.runId(), run.at());
                Set<Named> datasets = named.computeIfAbsent(run.runId(), id -> new LinkedHashSet<>());
                run.inputs().forEach(input -> datasets.add(new Named("input", input.dataset())));
                run.outputs().forEach(output -> datasets.add(new Named("output", output)));
            }
        }
        List<UUID> runs = new ArrayList<>();
        List<String> directions = new ArrayList<>();
        List<String> namespaces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        named.forEach((run, datasets) -> {
            for (Named dataset : datasets) {
                runs.add(run);
                directions.add(dataset.direction());
                namespaces.add(dataset.dataset().namespace());
                names.add(dataset.dataset().name());
            }
        });
        if (runs.isEmpty()) {
            return;
        }
        List<Violation> violations = new ArrayList<>();
        jdbc.sql("""
                        with given (run_id, direction, namespace, name) as (
                            select * from unnest(cast(:runs as uuid[]), cast(:directions as text[]),
                                                 cast(:namespaces as text[]), cast(:names as text[]))),
                        stored as (
                            select rd.run_id, rd.direction, d.namespace, d.name
                              from openlineage_run_dataset rd join openlineage_dataset d on d.id = rd.dataset_id
                             where rd.run_id in (select distinct run_id from given)),
                        every as (select * from stored union select * from given)
                        select run_id, count(*) from every group by run_id having count(*) > :max
                        """)
                .param("runs", runs.toArray(UUID[]::new))
                .param("directions", directions.toArray(String[]::new))
                .param("namespaces", namespaces.toArray(String[]::new))
                .param("names", names.toArray(String[]::new))
                .param("max", MAX_RUN_DATASETS)
                .query((rs, row) -> {
                    UUID run = rs.getObject(1, UUID.class);
                    violations.add(new Violation(
                            firstAt.get(run) + "/run/runId",
                            "The run " + run + " would name " + rs.getLong(2) + " datasets over its events; a run"
                                    + " names at most " + MAX_RUN_DATASETS + " (inputs and outputs, each once)."
                                    + " Report a job this large as several runs. Nothing was stored."));
                    return null;
                })
                .list();
        if (!violations.isEmpty()) {
            throw new InvalidDocumentException("A run names too many datasets", violations);
        }
    }

    private record Named(String direction, DatasetName dataset) {}

    /** How the run ended as stored (its latest COMPLETE, FAIL or ABORT), if it did. */
    Optional<End> end(UUID runId) {
        return jdbc.sql("""
                        select event_type, event_time from openlineage_event
                         where run_id = :run and kind = 'run' and event_type in ('COMPLETE', 'FAIL', 'ABORT')
                         order by event_time desc, event_type
                         limit 1
                        """)
                .param("run", runId)
                .query((rs, row) -> new End(
                        RunState.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)),
                        rs.getTimestamp(2).toInstant()))
                .optional();
    }
}
