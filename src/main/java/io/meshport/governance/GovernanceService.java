package io.meshport.governance;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.NotInCatalogException;
import io.meshport.catalog.ProductStatus;
import io.meshport.catalog.Violation;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import io.meshport.identity.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Global policies and their results: the only way in, for the UI and the API alike.
 *
 * <ul>
 *   <li><b>read</b> policies, results, exemptions, trust scores: every signed-in user (the mesh's
 *       rules and who keeps them are public within the organisation);
 *   <li><b>change</b> policies (create, change, enable, enforce, retire), <b>preview</b> their
 *       effect, <b>grant</b> and <b>revoke</b> exemptions: governance (the admin group) only.
 * </ul>
 *
 * A policy saved is evaluated over the whole catalog once the save commits, a batch per
 * transaction, so its results are there when the save returns; each change is kept with who,
 * when and what ({@link #history}).
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class GovernanceService {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 20_000;
    static final int MAX_MESSAGE = 1_000;
    static final int MAX_SCOPE_VALUES = 50;

    /** Products evaluated by a preview or a save at most: the whole of a large catalog. */
    static final int MAX_EVALUATED = 200_000;

    private final PolicyRepository policies;
    private final PolicyChangeRepository changes;
    private final ExemptionRepository exemptions;
    private final ResultStore results;
    private final PolicyEvaluations evaluations;
    private final ProductFactsReader facts;
    private final TrustScores trust;
    private final CatalogReadModel catalog;
    private final CurrentIdentity currentIdentity;
    private final UserDirectory users;
    private final GovernanceOverview overview;
    private final TransactionTemplate transactions;
    private final Clock clock;

    GovernanceService(
            PolicyRepository policies,
            PolicyChangeRepository changes,
            ExemptionRepository exemptions,
            ResultStore results,
            PolicyEvaluations evaluations,
            ProductFactsReader facts,
            TrustScores trust,
            CatalogReadModel catalog,
            CurrentIdentity currentIdentity,
            UserDirectory users,
            GovernanceOverview overview,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.policies = policies;
        this.changes = changes;
        this.exemptions = exemptions;
        this.results = results;
        this.evaluations = evaluations;
        this.facts = facts;
        this.trust = trust;
        this.catalog = catalog;
        this.currentIdentity = currentIdentity;
        this.users = users;
        this.overview = overview;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    // ---------------------------------------------------------------- policies

    /** The policies not retired, by id, each with its pass rate today. */
    public List<PolicyView> policies() {
        Map<String, ResultStore.Counts> counts = results.counts();
        return policies.findByRetiredAtIsNullOrderById().stream()
                .map(policy -> view(policy, counts.get(policy.id())))
                .toList();
    }

    /** A policy, retired ones included; empty when there is no such policy. */
    public Optional<PolicyView> policy(String id) {
        return policies.findById(id).map(policy -> view(policy, results.counts().get(policy.id())));
    }

    /** Whether the signed-in user may change policies and exemptions (the UI shows its buttons). */
    public boolean mayGovern() {
        return currentIdentity.find().map(Identity::admin).orElse(false);
    }

    /** What a save would refuse in this definition, without saving: the editor's live check. */
    public List<Violation> check(String id, PolicyDefinition definition) {
        List<Violation> violations = new ArrayList<>();
        if (!ID.matcher(id).matches()) {
            violations.add(new Violation(
                    "/id",
                    "A policy id is 3 to 64 lower-case letters, digits and dashes, e.g. 'purpose-of-substance'."));
        }
        violations.addAll(definitionProblems(definition));
        return violations;
    }

    /**
     * A saved policy, whether it was new, and whether anything changed (saving the same
     * definition again changes nothing and evaluates nothing).
     */
    public record Saved(PolicyView policy, boolean created, boolean changed) {}

    /**
     * Creates or replaces a policy. Saved enabled, it is evaluated over the whole catalog before
     * this returns; saved disabled, its results are cleared. A rule that exceeds its evaluation
     * budget on a product of today's catalog is refused: it would stop on that product every time.
     *
     * @param expectedRevision the revision the caller last saw, or null for no check
     * @throws AccessDeniedException when the caller is not governance
     * @throws InvalidPolicyException what is wrong, with a pointer per field
     * @throws PolicyConflictException when the policy changed since {@code expectedRevision}
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Saved save(String id, PolicyDefinition definition, @Nullable Long expectedRevision) {
        Saved saved = transactions.execute(status -> write(id, definition, expectedRevision));
        if (saved == null || !saved.changed()) {
            return new Saved(saved == null ? policy(id).orElseThrow() : saved.policy(), false, false);
        }
        evaluations.evaluateAll("policy", clock.instant());
        return new Saved(policy(id).orElseThrow(), saved.created(), true);
    }

    private Saved write(String id, PolicyDefinition definition, @Nullable Long expectedRevision) {
        Identity caller = requireGovernance();
        List<Violation> violations = check(id, definition);
        if (!violations.isEmpty()) {
            throw new InvalidPolicyException("Invalid policy", violations);
        }
        Optional<Policy> existing = policies.findById(id);
        if (expectedRevision != null && existing.map(Policy::revision).orElse(-1L) != expectedRevision.longValue()) {
            throw new PolicyConflictException(
                    existing.isEmpty()
                            ? "Policy '" + id + "' does not exist yet, so it has no revision " + expectedRevision + "."
                            : "Policy '" + id + "' was changed by "
                                    + existing.get().updatedByName() + " since you opened it" + " (revision "
                                    + existing.get().revision() + ", not " + expectedRevision + ").");
        }
        if (definition.enabled()) {
            DryRun effect = effect(id, definition);
            if (effect.errors() > 0) {
                effect.violations().stream()
                        .filter(finding -> finding.message().contains(RuleEngine.budgetMessage()))
                        .findFirst()
                        .ifPresent(finding -> {
                            throw new InvalidPolicyException(
                                    "Invalid policy rule",
                                    "/rule",
                                    RuleEngine.budgetMessage() + " On '" + finding.productId()
                                            + "': simplify the rule.");
                        });
            }
        }
        PolicyDefinition before = existing.filter(p -> p.retiredAt() == null)
                .map(Policy::definition)
                .orElse(null);
        if (before != null && before.equals(definition)) {
            return new Saved(view(existing.get(), results.counts().get(id)), false, false);
        }
        Instant now = stored(clock.instant());
        long actor = users.record(caller);
        Policy policy = existing.orElseGet(() -> new Policy(id, false, now));
        policy.apply(definition, now, actor, caller.displayName());
        Policy saved = policies.saveAndFlush(policy);
        changes.save(new PolicyChange(
                id,
                saved.revision(),
                action(before, definition),
                PolicyChanges.summary(before, definition),
                actor,
                caller.displayName(),
                now,
                before == null ? null : PolicyChanges.asMap(before),
                PolicyChanges.asMap(definition)));
        if (!definition.enabled()) {
            results.removePolicy(id);
        }
        return new Saved(view(saved, null), existing.isEmpty(), true);
    }

    /**
     * Retires a policy: no longer evaluated, its results cleared, its history kept. Saving it
     * again brings it back.
     *
     * @throws NotInCatalogException when there is no such policy
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void retire(String id) {
        transactions.executeWithoutResult(status -> retireNow(id));
        evaluations.evaluateAll("policy", clock.instant());
    }

    private void retireNow(String id) {
        Identity caller = requireGovernance();
        Policy policy = policies.findById(id)
                .filter(p -> p.retiredAt() == null)
                .orElseThrow(() -> new NotInCatalogException("No policy '" + id + "'."));
        PolicyDefinition before = policy.definition();
        Instant now = stored(clock.instant());
        long actor = users.record(caller);
        policy.retire(now, actor, caller.displayName());
        Policy saved = policies.saveAndFlush(policy);
        changes.save(new PolicyChange(
                id,
                saved.revision(),
                "retired",
                "Retired",
                actor,
                caller.displayName(),
                now,
                PolicyChanges.asMap(before),
                PolicyChanges.asMap(saved.definition())));
        results.removePolicy(id);
    }

    /** A policy's changes, newest first. */
    public List<PolicyHistoryEntry> history(String id) {
        if (!policies.existsById(id)) {
            throw new NotInCatalogException("No policy '" + id + "'.");
        }
        return changes.findByPolicyIdOrderByIdDesc(id).stream()
                .map(PolicyChange::entry)
                .toList();
    }

    /**
     * The effect of a policy on today's catalog, as if it were saved enabled: which products would
     * violate it, by team. Nothing is stored. Exemptions granted for {@code id} count.
     *
     * @throws AccessDeniedException when the caller is not governance
     * @throws InvalidPolicyException when the definition itself is wrong
     */
    public DryRun preview(String id, PolicyDefinition definition) {
        requireGovernance();
        List<Violation> violations = definitionProblems(definition);
        if (!violations.isEmpty()) {
            throw new InvalidPolicyException("Invalid policy", violations);
        }
        return effect(id, definition.withEnabled(true));
    }

    // ---------------------------------------------------------------- results

    /**
     * Each enabled policy's result for the product, violations first, then by title.
     *
     * @throws NotInCatalogException when there is no such product
     */
    public List<ComplianceResult> compliance(String productId) {
        if (catalog.product(productId).isEmpty()) {
            throw new NotInCatalogException("No data product '" + productId + "'.");
        }
        Map<String, Policy> byId = new LinkedHashMap<>();
        policies.findByEnabledTrueAndRetiredAtIsNullOrderById().forEach(policy -> byId.put(policy.id(), policy));
        Map<String, Exemption> open = evaluations.openExemptions(List.of(productId));
        List<ComplianceResult> compliance = new ArrayList<>();
        for (ResultStore.Result result : results.of(List.of(productId)).getOrDefault(productId, List.of())) {
            Policy policy = byId.get(result.policyId());
            if (policy == null) {
                continue;
            }
            PolicyDefinition definition = policy.definition();
            Exemption exemption = open.get(PolicyEvaluations.key(policy.id(), productId));
            compliance.add(new ComplianceResult(
                    policy.id(),
                    definition.title(),
                    definition.severity(),
                    definition.mode(),
                    definition.enforceOn(),
                    definition.path(),
                    result.passed(),
                    result.message(),
                    result.exemptUntil(),
                    result.exemptUntil() == null || exemption == null ? null : exemption.reason(),
                    result.since(),
                    result.evaluatedAt()));
        }
        compliance.sort(Comparator.comparing(ComplianceResult::passed)
                .thenComparing(ComplianceResult::title, String.CASE_INSENSITIVE_ORDER));
        return compliance;
    }

    /** The product's trust score with its explanation; empty before its first evaluation. */
    public Optional<TrustScore> trust(String productId) {
        if (catalog.product(productId).isEmpty()) {
            throw new NotInCatalogException("No data product '" + productId + "'.");
        }
        return trust.find(productId);
    }

    // ---------------------------------------------------------------- exemptions

    /** The most characters an exemption's reason has. */
    public static final int MAX_REASON = 2_000;

    /** An exemption lasts at most this long: a year, up to and including the same day next year (UTC). */
    public static final java.time.Period MAX_EXEMPTION = java.time.Period.ofYears(1);

    /** A granted exemption, and whether it replaced one that was open. */
    public record Granted(ExemptionView exemption, boolean replaced) {}

    /**
     * Excuses a product from a policy until {@code expiresAt}, with a reason. A product has at most
     * one open exemption per policy: granting again replaces it (the old one is revoked, its row
     * kept). The product is evaluated again at once, so its result shows the exemption.
     *
     * @throws AccessDeniedException when the caller is not governance
     * @throws NotInCatalogException when there is no such policy (or it is retired) or product
     * @throws InvalidExemptionException no reason, a reason over {@link #MAX_REASON} characters, an
     *     expiry not in the future or more than {@link #MAX_EXEMPTION} ahead
     */
    @Transactional
    public Granted grant(String policyId, String productId, String reason, Instant expiresAt) {
        Identity caller = requireGovernance();
        requirePolicy(policyId);
        String productName = requireProduct(productId);
        Instant now = clock.instant();
        List<Violation> violations = new ArrayList<>();
        String text = reason.strip();
        String storable = io.meshport.system.StorableText.problem(text);
        if (text.isEmpty()) {
            violations.add(new Violation("/reason", "Say why the product is excused (a reason is required)."));
        } else if (text.length() > MAX_REASON) {
            violations.add(new Violation("/reason", "A reason has at most " + MAX_REASON + " characters."));
        } else if (storable != null) {
            violations.add(new Violation("/reason", "The reason " + storable));
        }
        Instant latest = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)
                .plus(MAX_EXEMPTION)
                .plusDays(1)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
        if (!expiresAt.isAfter(now)) {
            violations.add(new Violation(
                    "/expiresAt", "An exemption must end in the future, not at " + expiresAt + " (now " + now + ")."));
        } else if (expiresAt.isAfter(latest)) {
            violations.add(new Violation(
                    "/expiresAt",
                    "An exemption lasts at most a year: it must end by " + latest + ", not " + expiresAt
                            + "; grant it again when it ends."));
        }
        if (!violations.isEmpty()) {
            throw new InvalidExemptionException("Invalid exemption", violations);
        }
        long actor = users.record(caller);
        Optional<Exemption> open = exemptions.findByPolicyIdAndProductIdAndRevokedAtIsNull(policyId, productId);
        open.ifPresent(old -> {
            old.revoke(now, caller.displayName());
            // Flushed first: the open exemption of a pair is unique (policy_exemption_open_idx).
            exemptions.saveAndFlush(old);
        });
        Exemption saved = exemptions.saveAndFlush(
                new Exemption(policyId, productId, text, actor, caller.displayName(), now, expiresAt));
        evaluations.evaluate(List.of(productId), "exemption");
        return new Granted(exemptionView(saved, productName), open.isPresent());
    }

    /**
     * Ends a product's open exemption from a policy at once; the product is evaluated again, so a
     * failing rule is a violation again (and its team is told).
     *
     * @throws AccessDeniedException when the caller is not governance
     * @throws NotInCatalogException when the product has no open exemption from the policy
     */
    @Transactional
    public void revoke(String policyId, String productId) {
        Identity caller = requireGovernance();
        Exemption open = exemptions
                .findByPolicyIdAndProductIdAndRevokedAtIsNull(policyId, productId)
                .orElseThrow(() -> new NotInCatalogException(
                        "Data product '" + productId + "' has no exemption from policy '" + policyId + "'."));
        open.revoke(clock.instant(), caller.displayName());
        exemptions.saveAndFlush(open);
        evaluations.evaluate(List.of(productId), "exemption");
    }

    /**
     * The exemptions from a policy in force now (not revoked, not yet ended), soonest ending first.
     *
     * @throws NotInCatalogException when there is no such policy
     */
    public List<ExemptionView> exemptions(String policyId) {
        if (!policies.existsById(policyId)) {
            throw new NotInCatalogException("No policy '" + policyId + "'.");
        }
        return inForce(exemptions.findByPolicyIdAndRevokedAtIsNullOrderByExpiresAt(policyId));
    }

    /**
     * The product's exemptions in force now, soonest ending first.
     *
     * @throws NotInCatalogException when there is no such product
     */
    public List<ExemptionView> exemptionsOf(String productId) {
        requireProduct(productId);
        return inForce(exemptions.findByProductIdInAndRevokedAtIsNull(List.of(productId)));
    }

    private List<ExemptionView> inForce(List<Exemption> open) {
        Instant now = clock.instant();
        List<Exemption> covering =
                open.stream().filter(exemption -> exemption.covers(now)).toList();
        Map<String, io.meshport.catalog.CatalogReadModel.Product> products = catalog.products(
                covering.stream().map(Exemption::productId).distinct().toList());
        return covering.stream()
                .sorted(Comparator.comparing(Exemption::expiresAt)
                        .thenComparing(Exemption::policyId)
                        .thenComparing(Exemption::productId))
                .map(exemption -> exemptionView(
                        exemption,
                        products.containsKey(exemption.productId())
                                ? products.get(exemption.productId()).name()
                                : null))
                .toList();
    }

    private static ExemptionView exemptionView(Exemption exemption, @Nullable String productName) {
        return new ExemptionView(
                exemption.policyId(),
                exemption.productId(),
                productName,
                exemption.reason(),
                exemption.grantedByName(),
                exemption.grantedAt(),
                exemption.expiresAt());
    }

    private void requirePolicy(String policyId) {
        if (policies.findById(policyId).filter(p -> p.retiredAt() == null).isEmpty()) {
            throw new NotInCatalogException("No policy '" + policyId + "'.");
        }
    }

    private String requireProduct(String productId) {
        return catalog.product(productId)
                .map(io.meshport.catalog.CatalogReadModel.Product::name)
                .orElseThrow(() -> new NotInCatalogException("No data product '" + productId + "'."));
    }

    // ---------------------------------------------------------------- the governance overview

    /** Products looked up in the catalog at once by the overview. */
    static final int OVERVIEW_BATCH = 1_000;

    /** Violations listed per page at most, and exemptions listed as expiring at most. */
    static final int MAX_OVERVIEW_ROWS = 500;

    /** Days of the daily compliance record the overview's chart may ask for at most. */
    static final int MAX_TREND_DAYS = 366;

    /**
     * Today's compliance per domain or per team, by name: of the products at least one enabled
     * policy is evaluated for, how many violate none, and how many results are violated.
     */
    public List<ComplianceShare> complianceBy(ComplianceGrouping grouping) {
        Map<String, Long> perProduct = overview.violationsPerProduct();
        Map<String, long[]> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> ids = List.copyOf(perProduct.keySet());
        for (int from = 0; from < ids.size(); from += OVERVIEW_BATCH) {
            for (CatalogReadModel.Product product : catalog.products(
                            ids.subList(from, Math.min(ids.size(), from + OVERVIEW_BATCH)))
                    .values()) {
                String name = grouping == ComplianceGrouping.TEAM ? product.ownerTeam() : domainName(product.domain());
                long violations = perProduct.getOrDefault(product.id(), 0L);
                long[] counts = groups.computeIfAbsent(name, n -> new long[3]);
                counts[0]++;
                counts[1] += violations == 0 ? 1 : 0;
                counts[2] += violations;
            }
        }
        List<ComplianceShare> shares = new ArrayList<>();
        groups.forEach((name, c) -> shares.add(new ComplianceShare(name, c[0], c[1], c[2])));
        return shares;
    }

    /**
     * The daily compliance record of the last {@code days} days (1 to {@value #MAX_TREND_DAYS}),
     * summed per domain or per team, by day and name. Empty until the daily record has rows.
     */
    public List<ComplianceDay> complianceOverTime(ComplianceGrouping grouping, int days) {
        int span = Math.clamp(days, 1, MAX_TREND_DAYS);
        LocalDate from = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(span - 1L);
        Map<LocalDate, Map<String, long[]>> byDay = new TreeMap<>();
        for (GovernanceOverview.Day row : overview.days(from)) {
            String name = grouping == ComplianceGrouping.TEAM ? row.team() : domainName(row.domain());
            long[] counts = byDay.computeIfAbsent(row.day(), d -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                    .computeIfAbsent(name, n -> new long[3]);
            counts[0] += row.products();
            counts[1] += row.compliant();
            counts[2] += row.violations();
        }
        List<ComplianceDay> trend = new ArrayList<>();
        byDay.forEach(
                (day, names) -> names.forEach((name, c) -> trend.add(new ComplianceDay(day, name, c[0], c[1], c[2]))));
        return trend;
    }

    /** How many violations {@link #violations} lists: of one policy, or (null) of every enabled one. */
    public long violationCount(@Nullable String policyId) {
        return overview.violationCount(policyId);
    }

    /**
     * The products that violate an enabled policy now (of one policy, or of all when null), the
     * newest violations first, a page of at most {@value #MAX_OVERVIEW_ROWS} from {@code offset}.
     */
    public List<ViolationEntry> violations(@Nullable String policyId, int offset, int limit) {
        List<GovernanceOverview.Violation> rows =
                overview.violations(policyId, Math.max(0, offset), Math.clamp(limit, 0, MAX_OVERVIEW_ROWS));
        Map<String, CatalogReadModel.Product> products = catalog.products(
                rows.stream().map(GovernanceOverview.Violation::productId).toList());
        return rows.stream()
                .map(row -> {
                    CatalogReadModel.Product product = products.get(row.productId());
                    return new ViolationEntry(
                            row.policyId(),
                            row.title(),
                            row.severity(),
                            row.mode(),
                            row.productId(),
                            product == null ? row.productId() : product.name(),
                            product == null ? "" : product.ownerTeam(),
                            product == null ? null : product.domain(),
                            row.message(),
                            row.since());
                })
                .toList();
    }

    /**
     * The open exemptions that expire within {@code within} from now (at most {@value
     * #MAX_OVERVIEW_ROWS}), the soonest first: the products that will violate a policy again.
     */
    public List<ExpiringExemption> exemptionsExpiring(Duration within) {
        Instant now = clock.instant();
        Duration longest = Duration.ofDays(MAX_TREND_DAYS);
        Duration span = within.isNegative() ? Duration.ZERO : within.compareTo(longest) > 0 ? longest : within;
        List<GovernanceOverview.Exempted> rows = overview.expiring(now, now.plus(span), MAX_OVERVIEW_ROWS);
        Map<String, CatalogReadModel.Product> products = catalog.products(
                rows.stream().map(GovernanceOverview.Exempted::productId).toList());
        return rows.stream()
                .map(row -> {
                    CatalogReadModel.Product product = products.get(row.productId());
                    return new ExpiringExemption(
                            row.id(),
                            row.policyId(),
                            row.title(),
                            row.productId(),
                            product == null ? row.productId() : product.name(),
                            product == null ? "" : product.ownerTeam(),
                            row.reason(),
                            row.grantedBy(),
                            row.grantedAt(),
                            row.expiresAt());
                })
                .toList();
    }

    /** The domains, statuses, tags and output port types the policy editor offers for a scope. */
    public ScopeChoices scopeChoices() {
        CatalogReadModel.ScopeValues values = catalog.scopeValues(MAX_OVERVIEW_ROWS);
        return new ScopeChoices(
                values.domains(),
                java.util.Arrays.stream(ProductStatus.values())
                        .map(ProductStatus::value)
                        .toList(),
                values.tags(),
                values.portTypes());
    }

    private static String domainName(@Nullable String domain) {
        return domain == null || domain.isBlank() ? ComplianceShare.NO_DOMAIN : domain;
    }

    // ---------------------------------------------------------------- inside

    private DryRun effect(String id, PolicyDefinition definition) {
        RuleEngine.Compiled rule = RuleEngine.compile(definition.rule());
        Instant now = clock.instant();
        long evaluated = 0;
        long passing = 0;
        long exempt = 0;
        long errors = 0;
        Map<String, long[]> teams = new TreeMap<>();
        List<DryRun.Finding> found = new ArrayList<>();
        long violating = 0;
        String after = null;
        int seen = 0;
        while (seen < MAX_EVALUATED) {
            List<String> ids = catalog.productIds(after, PolicyEvaluations.BATCH);
            if (ids.isEmpty()) {
                break;
            }
            Map<String, Exemption> open = evaluations.openExemptions(ids);
            for (ProductFacts product : facts.read(ids)) {
                ResultStore.Evaluated result = evaluations.evaluate(
                        id, definition, product, open.get(PolicyEvaluations.key(id, product.id())), now);
                if (result == null) {
                    continue;
                }
                evaluated++;
                long[] team = teams.computeIfAbsent(product.ownerTeam(), t -> new long[2]);
                team[0]++;
                if (result.passed()) {
                    passing++;
                    if (result.exemptUntil() != null) {
                        exempt++;
                    }
                    continue;
                }
                violating++;
                team[1]++;
                String message = result.message() == null ? definition.title() : result.message();
                if (message.contains("could not be evaluated") || message.contains(RuleEngine.budgetMessage())) {
                    errors++;
                }
                if (found.size() < DryRun.MAX_LISTED) {
                    found.add(new DryRun.Finding(
                            product.id(), product.name(), product.ownerTeam(), product.domain(), message));
                }
            }
            seen += ids.size();
            after = ids.getLast();
        }
        found.sort(Comparator.comparing(DryRun.Finding::team).thenComparing(DryRun.Finding::productId));
        List<DryRun.TeamCount> byTeam = new ArrayList<>();
        teams.forEach((team, counts) -> byTeam.add(new DryRun.TeamCount(team, counts[0], counts[1])));
        byTeam.sort(
                Comparator.comparingLong((DryRun.TeamCount t) -> -t.violating()).thenComparing(DryRun.TeamCount::team));
        return new DryRun(evaluated, passing, violating, exempt, errors, byTeam, found, violating > found.size());
    }

    private static List<Violation> definitionProblems(PolicyDefinition definition) {
        List<Violation> violations = new ArrayList<>();
        if (definition.title().isBlank()) {
            violations.add(new Violation("/title", "Give the policy a title."));
        } else if (definition.title().length() > MAX_TITLE) {
            violations.add(new Violation("/title", "A title has at most " + MAX_TITLE + " characters."));
        }
        if (definition.description().length() > MAX_DESCRIPTION) {
            violations.add(
                    new Violation("/description", "A description has at most " + MAX_DESCRIPTION + " characters."));
        }
        if (definition.message() != null && definition.message().length() > MAX_MESSAGE) {
            violations.add(new Violation("/message", "A message has at most " + MAX_MESSAGE + " characters."));
        }
        String path = definition.path();
        if (path != null && !path.isEmpty() && (!path.startsWith("/") || path.length() > 200 || path.contains(" "))) {
            violations.add(new Violation(
                    "/path", "A path is a JSON Pointer into the product's document, e.g. /description/purpose."));
        }
        PolicyScope scope = definition.scope();
        scopeValues(violations, "/scope/domains", scope.domains());
        scopeValues(violations, "/scope/tags", scope.tags());
        scopeValues(violations, "/scope/portTypes", scope.portTypes());
        scopeValues(violations, "/scope/statuses", scope.statuses());
        for (int i = 0; i < scope.statuses().size(); i++) {
            String status = scope.statuses().get(i);
            if (ProductStatus.find(status).isEmpty()) {
                violations.add(new Violation(
                        "/scope/statuses/" + i,
                        "'" + status + "' is not a status; use proposed, draft, active, deprecated or retired."));
            }
        }
        violations.addAll(RuleEngine.problems(definition.rule()));
        return violations;
    }

    private static void scopeValues(List<Violation> violations, String pointer, List<String> values) {
        if (values.size() > MAX_SCOPE_VALUES) {
            violations.add(new Violation(pointer, "At most " + MAX_SCOPE_VALUES + " values."));
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isBlank() || values.get(i).length() > 200) {
                violations.add(new Violation(pointer + "/" + i, "A value is 1 to 200 characters."));
            }
        }
    }

    private static String action(@Nullable PolicyDefinition before, PolicyDefinition after) {
        if (before == null) {
            return "created";
        }
        if (before.enabled() != after.enabled()) {
            return after.enabled() ? "enabled" : "disabled";
        }
        if (before.mode() != after.mode()) {
            return after.mode() == PolicyMode.ENFORCED ? "enforced" : "relaxed";
        }
        return "changed";
    }

    private PolicyView view(Policy policy, ResultStore.@Nullable Counts counts) {
        ResultStore.Counts c = counts == null ? new ResultStore.Counts(0, 0, 0, 0) : counts;
        return new PolicyView(
                policy.id(),
                policy.definition(),
                policy.builtIn(),
                policy.revision(),
                policy.createdAt(),
                policy.updatedAt(),
                policy.updatedByName(),
                policy.retiredAt(),
                c.inScope(),
                c.passing(),
                c.failing(),
                c.exempt());
    }

    /**
     * An instant as the database keeps it (microseconds), so that what a save answers equals what
     * a read gives afterwards.
     */
    private static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private Identity requireGovernance() {
        Identity caller = currentIdentity.require();
        if (!caller.admin()) {
            throw new AccessDeniedException("Only governance (the admin group) may change policies and exemptions.");
        }
        return caller;
    }
}
