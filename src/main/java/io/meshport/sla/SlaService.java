package io.meshport.sla;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.NotInCatalogException;
import io.meshport.catalog.Violation;
import io.meshport.identity.CurrentIdentity;
import io.meshport.openlineage.PortDataset;
import io.meshport.openlineage.RunObserved;
import io.meshport.openlineage.RunState;
import io.meshport.system.StorableText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only way into service levels: observations in, compliance and consistency out. */
@Service
@Transactional(readOnly = true)
public class SlaService {

    /** The most observations one request may carry. */
    public static final int MAX_BATCH = 10_000;

    /** How far ahead of our clock an observation's time may be (the sender's clock may run fast). */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The longest text an id, port, check name or detail may have. */
    static final int MAX_ID = 200;

    static final int MAX_DETAIL = 2_000;

    private final SlaStore store;
    private final SlaEvaluator evaluator;
    private final CatalogService catalog;
    private final CurrentIdentity identity;
    private final ReevaluationAtCommit reevaluation;
    private final Clock clock;

    SlaService(
            SlaStore store,
            SlaEvaluator evaluator,
            ReevaluationAtCommit reevaluation,
            CatalogService catalog,
            CurrentIdentity identity,
            Clock clock) {
        this.store = store;
        this.evaluator = evaluator;
        this.reevaluation = reevaluation;
        this.catalog = catalog;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * The worst compliance status (30-day window) of each given product; absent ids are NO_DATA.
     * One query, whatever the number of products: it reads the statuses remembered when
     * observations arrive and by the scheduled check, so they are at most one check interval old.
     */
    public Map<String, ComplianceStatus> summaries(Collection<String> productIds) {
        Map<String, List<ComplianceStatus>> statuses = store.statuses(Set.copyOf(productIds));
        Map<String, ComplianceStatus> summaries = new LinkedHashMap<>();
        for (String id : productIds) {
            ComplianceStatus worst = ComplianceStatus.NO_DATA;
            for (ComplianceStatus status : statuses.getOrDefault(id, List.of())) {
                worst = worst.worse(status);
            }
            summaries.put(id, worst);
        }
        return summaries;
    }

    /** Each objective of the product, declared and measured over the last 7 and 30 days. */
    @PreAuthorize("isAuthenticated()")
    public List<ObjectiveReport> report(String productId) {
        if (!store.productExists(productId)) {
            throw new NotInCatalogException("No data product '" + productId + "'.");
        }
        return evaluator.report(productId, clock.instant());
    }

    /**
     * Records a pipeline's observations of a product, all or none. Ids already stored with the same
     * content are reported as already known and change nothing; with other content the whole
     * batch is refused. Only the owning team (or governance) may send them.
     *
     * @throws NotInCatalogException when there is no such product
     * @throws AccessDeniedException when the caller may not act for the product's team
     * @throws InvalidDocumentException with pointers {@code /<index>/<field>} for bad observations
     * @throws ObservationConflictException when an id is stored with other content
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public RecordedObservations record(String productId, List<Observation> observations) {
        if (!store.productExists(productId)) {
            throw new NotInCatalogException("No data product '" + productId + "'.");
        }
        if (!catalog.mayEdit(productId)) {
            throw new AccessDeniedException(
                    "Only the team owning '" + productId + "' (or governance) may send its observations.");
        }
        Instant now = clock.instant();
        List<Observation> normalised =
                observations.stream().map(SlaService::normalised).toList();
        validate(productId, normalised, now);
        return persist(
                productId,
                normalised,
                now,
                ObservationOrigin.posted(identity.require().username()));
    }

    /**
     * Stores the posted observations whose ids are new, then measures the product again (which
     * publishes breaches). An id stored already is a retry and changes nothing; with other content
     * the whole batch is refused. (Observations from runs take {@link #recordRun}.)
     */
    private RecordedObservations persist(
            String productId, List<Observation> normalised, Instant now, ObservationOrigin origin) {
        store.lock(productId);
        Map<String, Observation> known =
                store.find(productId, normalised.stream().map(Observation::id).toList());
        List<String> conflicts = normalised.stream()
                .filter(o -> known.containsKey(o.id()) && !known.get(o.id()).equals(o))
                .map(Observation::id)
                .toList();
        if (!conflicts.isEmpty()) {
            throw new ObservationConflictException(conflicts);
        }
        List<String> recorded = new ArrayList<>();
        List<String> alreadyKnown = new ArrayList<>();
        for (Observation observation : normalised) {
            if (known.containsKey(observation.id())) {
                alreadyKnown.add(observation.id());
            } else {
                store.insert(productId, observation, now, origin);
                recorded.add(observation.id());
            }
        }
        if (!recorded.isEmpty()) {
            evaluator.reevaluate(productId, now);
        }
        return new RecordedObservations(recorded, alreadyKnown);
    }

    /**
     * The product's newest observations of the last 30 days, newest first, each with where it came
     * from (posted, or derived from a run).
     */
    @PreAuthorize("isAuthenticated()")
    public List<ObservedEntry> recentObservations(String productId, int limit) {
        if (!store.productExists(productId)) {
            throw new NotInCatalogException("No data product '" + productId + "'.");
        }
        return store.recentObservations(
                productId, clock.instant().minus(Compliance.MONTH), Math.clamp(limit, 1, MAX_RECENT));
    }

    /** The runs that ended having written the product's ports in the last 30 days, failed ones too. */
    @PreAuthorize("isAuthenticated()")
    public List<PipelineRun> recentRuns(String productId, int limit) {
        if (!store.productExists(productId)) {
            throw new NotInCatalogException("No data product '" + productId + "'.");
        }
        return store.recentRuns(productId, clock.instant().minus(Compliance.MONTH), Math.clamp(limit, 1, MAX_RECENT));
    }

    /** The most observations or runs one listing answers. */
    public static final int MAX_RECENT = 1_000;

    // ---------------------------------------------------------------- from runs

    /**
     * What a pipeline run showed about the catalog becomes service-level data, in the ingesting
     * transaction (docs/decisions/0033-sla-from-runs.md): a run that ended writing an output port is
     * recorded as a pipeline run of that port (COMPLETE, FAIL, ABORT); a COMPLETE one is also an
     * {@code updated} observation of the port at the event's time; the data-quality assertions on
     * the ports it read or wrote become {@code quality} observations of their products. Ids follow
     * from the run, so a replay or a second event of the same run records nothing twice. The ingest
     * checked that the sender may act for every product here; nothing is asked of the caller.
     *
     * @throws InvalidDocumentException with pointer {@code /eventTime} when the event time is more
     *     than {@link #CLOCK_SKEW} ahead of the portal's clock
     */
    @Transactional
    void recordRun(RunObserved run) {
        boolean ended =
                run.state() == RunState.COMPLETE || run.state() == RunState.FAIL || run.state() == RunState.ABORT;
        // Per product, the ports the run wrote and the observations it makes, each once.
        Map<String, Set<String>> written = new LinkedHashMap<>();
        Map<String, Map<String, Observation>> observed = new LinkedHashMap<>();
        Instant at = run.eventTime().truncatedTo(ChronoUnit.MICROS);
        if (ended) {
            for (PortDataset output : run.outputs()) {
                if (written.computeIfAbsent(output.productId(), id -> new LinkedHashSet<>())
                                .add(output.outputPort())
                        && run.state() == RunState.COMPLETE) {
                    Observation updated = new Observation(
                            runObservationId("updated", run.runId(), output.outputPort()),
                            output.outputPort(),
                            ObservationKind.UPDATED,
                            at,
                            null,
                            null,
                            null);
                    observed.computeIfAbsent(output.productId(), id -> new LinkedHashMap<>())
                            .putIfAbsent(updated.id(), updated);
                }
            }
        }
        List<PortDataset> datasets = new ArrayList<>(run.inputs());
        datasets.addAll(run.outputs());
        for (PortDataset dataset : datasets) {
            for (PortDataset.QualityAssertion assertion : dataset.assertions()) {
                String check = assertion.assertion().strip()
                        + (assertion.column() == null || assertion.column().isBlank()
                                ? ""
                                : " (" + assertion.column().strip() + ")");
                Observation quality = new Observation(
                        runObservationId("quality", run.runId(), dataset.outputPort(), check),
                        dataset.outputPort(),
                        ObservationKind.QUALITY,
                        at,
                        assertion.success(),
                        clip(check, MAX_ID),
                        null);
                observed.computeIfAbsent(dataset.productId(), id -> new LinkedHashMap<>())
                        .putIfAbsent(quality.id(), quality);
            }
        }
        if (written.isEmpty() && observed.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidDocumentException(
                    "Invalid run event",
                    "/eventTime",
                    "eventTime " + run.eventTime() + " is more than " + CLOCK_SKEW.toMinutes()
                            + " minutes ahead of the portal's clock (" + now.truncatedTo(ChronoUnit.SECONDS)
                            + "); a run event reports what already happened. Nothing was stored.");
        }
        ObservationOrigin origin = ObservationOrigin.run(run.job(), run.runId(), run.reportedBy());
        Set<String> products = new LinkedHashSet<>(written.keySet());
        products.addAll(observed.keySet());
        for (String productId : new TreeSet<>(products)) {
            store.lock(productId);
            // No ports: no such product (any more), or none that a run can have written.
            Set<String> ports = Set.copyOf(store.outputPorts(productId));
            if (ports.isEmpty()) {
                continue;
            }
            for (String port : written.getOrDefault(productId, Set.of())) {
                if (ports.contains(port)) {
                    store.insertRun(
                            new PipelineRun(productId, port, run.runId(), run.job(), run.state(), at, run.reportedBy()),
                            now);
                }
            }
            List<Observation> observations = observed.getOrDefault(productId, Map.of()).values().stream()
                    .filter(o -> o.outputPort() == null || ports.contains(o.outputPort()))
                    .toList();
            if (observations.isEmpty()) {
                continue;
            }
            validate(productId, observations, ports, now);
            boolean recorded = false;
            for (Observation observation : observations) {
                // An id stored already is this run's event again: the stored one stands.
                recorded |= store.insertIfNew(productId, observation, now, origin);
            }
            if (recorded) {
                // Once per product and transaction, before it commits: a batch of many runs of
                // one product measures it once (docs/decisions/0035-ingest-in-fewer-statements.md).
                reevaluation.request(productId);
            }
        }
    }

    /**
     * An observation id that follows from the run: readable when short enough, else a digest of the
     * same parts (so that long run ids, ports or assertion names still give one id per observation).
     */
    static String runObservationId(String kind, String runId, String... parts) {
        String readable = "run:" + runId + ":" + kind + ":" + String.join(":", parts);
        if (readable.length() <= MAX_ID && StorableText.problem(readable) == null) {
            return readable;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(runId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(kind.getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                sha.update((byte) 0);
                sha.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return "run:sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }

    /**
     * Where the product promises more than its upstream products promise: fresher data (a smaller
     * freshness allowance) or higher availability than an output port it derives from (one hop
     * upstream, as lineage has it). A derived product cannot be fresher or more available than its
     * inputs, so such a promise cannot be kept when the upstream only just keeps its own.
     */
    @PreAuthorize("isAuthenticated()")
    public List<SlaConsistencyWarning> consistencyWarnings(String productId) {
        return consistencyWarnings(List.of(productId)).getOrDefault(productId, List.of());
    }

    /**
     * {@link #consistencyWarnings(String)} of many products at once, in a fixed number of queries
     * whatever their number (owner review lists a team's products); products without a warning
     * are absent.
     */
    @PreAuthorize("isAuthenticated()")
    public Map<String, List<SlaConsistencyWarning>> consistencyWarnings(Collection<String> productIds) {
        return consistencyWarningsForChecks(productIds);
    }

    /**
     * {@link #consistencyWarnings(Collection)} for the platform's own checks (governance's
     * policies), which run with no caller: the warnings say nothing a signed-in user cannot see.
     */
    public Map<String, List<SlaConsistencyWarning>> consistencyWarningsForChecks(Collection<String> productIds) {
        Map<String, List<SlaConsistencyWarning>> warnings = new LinkedHashMap<>();
        if (productIds.isEmpty()) {
            return warnings;
        }
        List<SlaStore.Input> inputs = store.directInputs(productIds);
        if (inputs.isEmpty()) {
            return warnings;
        }
        Set<String> upstreamIds = new HashSet<>();
        Set<String> consumed = new HashSet<>();
        inputs.forEach(input -> {
            upstreamIds.add(input.upstreamId());
            consumed.add(input.contractId());
        });
        Map<String, List<Objective>> own = new HashMap<>();
        store.slaProperties(Set.copyOf(productIds)).forEach(sla -> {
            Objective objective = Objective.of(sla.outputPort(), sla.property());
            if (objective.measured()) {
                own.computeIfAbsent(sla.productId(), id -> new ArrayList<>()).add(objective);
            }
        });
        Map<String, List<CatalogReadModel.PortSla>> theirs = new HashMap<>();
        store.slaProperties(upstreamIds, consumed)
                .forEach(sla -> theirs.computeIfAbsent(sla.productId(), id -> new ArrayList<>())
                        .add(sla));
        for (String productId : productIds) {
            List<Objective> mine = own.getOrDefault(productId, List.of());
            if (mine.isEmpty()) {
                continue;
            }
            // The upstream ports this product consumes, each once, in the order lineage lists them.
            Map<String, String> names = new LinkedHashMap<>();
            Set<String> contracts = new HashSet<>();
            inputs.stream().filter(input -> input.productId().equals(productId)).forEach(input -> {
                names.putIfAbsent(input.upstreamId(), input.upstreamName());
                contracts.add(input.contractId());
            });
            List<SlaConsistencyWarning> found = new ArrayList<>();
            for (String upstreamId : new TreeSet<>(names.keySet())) {
                for (CatalogReadModel.PortSla port : theirs.getOrDefault(upstreamId, List.of())) {
                    if (!contracts.contains(port.contractId())) {
                        continue;
                    }
                    Objective limit = Objective.of(port.outputPort(), port.property());
                    for (Objective objective : mine) {
                        String why = stricter(objective, limit);
                        if (why != null) {
                            found.add(new SlaConsistencyWarning(
                                    productId,
                                    objective.outputPort(),
                                    objective.declared(),
                                    upstreamId,
                                    port.outputPort(),
                                    "Port " + objective.outputPort() + " promises " + objective.declared()
                                            + ", but it derives from " + names.get(upstreamId) + " (" + upstreamId
                                            + "), whose port " + port.outputPort() + " promises only "
                                            + limit.declared() + ": " + why));
                        }
                    }
                }
            }
            if (!found.isEmpty()) {
                warnings.put(productId, found);
            }
        }
        return warnings;
    }

    /** Why {@code mine} promises more than {@code limit} allows, or null when it does not. */
    private static @Nullable String stricter(Objective mine, Objective limit) {
        if (mine.measure() == Objective.Measure.FRESHNESS
                && limit.measure() == Objective.Measure.FRESHNESS
                && Objects.requireNonNull(mine.allowance()).compareTo(Objects.requireNonNull(limit.allowance())) < 0) {
            return "data derived from it cannot be fresher than it is.";
        }
        if (mine.measure() == Objective.Measure.AVAILABILITY
                && limit.measure() == Objective.Measure.AVAILABILITY
                && Objects.requireNonNull(mine.percent()) > Objects.requireNonNull(limit.percent())) {
            return "a product that needs it cannot be available more often than it is.";
        }
        return null;
    }

    // ---------------------------------------------------------------- validation

    /** Text trimmed, blank as absent; times to the database's precision, so a retry compares equal. */
    private static Observation normalised(Observation o) {
        return new Observation(
                o.id().strip(),
                blankAsNull(o.outputPort()),
                o.kind(),
                o.at().truncatedTo(ChronoUnit.MICROS),
                o.outcome(),
                blankAsNull(o.check()),
                blankAsNull(o.detail()));
    }

    private static @Nullable String blankAsNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void validate(String productId, List<Observation> observations, Instant now) {
        validate(productId, observations, Set.copyOf(store.outputPorts(productId)), now);
    }

    private static void validate(String productId, List<Observation> observations, Set<String> ports, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (observations.isEmpty()) {
            violations.add(new Violation("", "Send at least one observation."));
        }
        if (observations.size() > MAX_BATCH) {
            violations.add(new Violation(
                    "", "At most " + MAX_BATCH + " observations per request, not " + observations.size() + "."));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            String at = "/" + i;
            if (o.id().isEmpty()) {
                violations.add(new Violation(at + "/id", "id must not be blank."));
            } else if (o.id().length() > MAX_ID) {
                violations.add(new Violation(at + "/id", "id must be at most " + MAX_ID + " characters."));
            } else {
                Integer first = seen.putIfAbsent(o.id(), i);
                if (first != null) {
                    violations.add(new Violation(
                            at + "/id", "id '" + o.id() + "' appears twice in this request (also at /" + first + ")."));
                }
            }
            if (o.outputPort() != null && !ports.contains(o.outputPort())) {
                violations.add(new Violation(
                        at + "/outputPort",
                        "'" + o.outputPort() + "' is not an output port of " + productId
                                + (ports.isEmpty()
                                        ? " (it has none)."
                                        : "; its ports are " + String.join(", ", new TreeSet<>(ports)) + ".")));
            }
            if (o.at().isAfter(now.plus(CLOCK_SKEW))) {
                violations.add(new Violation(
                        at + "/at",
                        "at " + o.at() + " is in the future; an observation reports what already happened."));
            }
            if (o.kind() != ObservationKind.UPDATED && o.outcome() == null) {
                violations.add(new Violation(
                        at + "/" + (o.kind() == ObservationKind.AVAILABILITY ? "succeeded" : "passed"),
                        (o.kind() == ObservationKind.AVAILABILITY
                                ? "An availability probe needs succeeded (true or false)."
                                : "A quality check needs passed (true or false).")));
            }
            if (o.check() != null && o.check().length() > MAX_ID) {
                violations.add(new Violation(at + "/check", "check must be at most " + MAX_ID + " characters."));
            }
            if (o.detail() != null && o.detail().length() > MAX_DETAIL) {
                violations.add(new Violation(at + "/detail", "detail must be at most " + MAX_DETAIL + " characters."));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidDocumentException("Invalid observations", violations);
        }
    }
}
