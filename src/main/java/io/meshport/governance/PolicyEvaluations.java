package io.meshport.governance;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.CatalogService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the enabled policies over products and stores what it finds: the results (with their
 * history), the product's trust score, and its standing in the catalog (what Explore filters and
 * sorts by); a result that turns to violated is announced ({@link PolicyViolated}). No security
 * here: the write that caused the evaluation was checked, and the sweep has no caller.
 */
@Component
class PolicyEvaluations {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PolicyEvaluations.class);

    /** Products read and evaluated together. */
    static final int BATCH = 200;

    private final PolicyRepository policies;
    private final ExemptionRepository exemptions;
    private final ResultStore results;
    private final ProductFactsReader facts;
    private final TrustScores trust;
    private final CatalogService catalog;
    private final ApplicationEventPublisher events;
    private final CatalogReadModel catalogRead;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, RuleEngine.Compiled> compiled = new ConcurrentHashMap<>();

    PolicyEvaluations(
            PolicyRepository policies,
            ExemptionRepository exemptions,
            ResultStore results,
            ProductFactsReader facts,
            TrustScores trust,
            CatalogService catalog,
            ApplicationEventPublisher events,
            CatalogReadModel catalogRead,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.policies = policies;
        this.exemptions = exemptions;
        this.results = results;
        this.facts = facts;
        this.trust = trust;
        this.catalog = catalog;
        this.events = events;
        this.catalogRead = catalogRead;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** A rule compiled once per text: rules are immutable values, so the text is the key. */
    RuleEngine.Compiled compiled(String rule) {
        RuleEngine.Compiled found = compiled.get(rule);
        if (found != null) {
            return found;
        }
        RuleEngine.Compiled fresh = RuleEngine.compile(rule);
        if (compiled.size() > 1_000) {
            compiled.clear();
        }
        compiled.put(rule, fresh);
        return fresh;
    }

    /**
     * One policy's result for one product; null when the policy does not cover it.
     *
     * @param exemption the product's open exemption from this policy, if any
     */
    ResultStore.@Nullable Evaluated evaluate(
            String policyId,
            PolicyDefinition policy,
            ProductFacts product,
            @Nullable Exemption exemption,
            Instant now) {
        if (!policy.scope().covers(product)) {
            return null;
        }
        RuleEngine.Outcome outcome = RuleEngine.evaluate(compiled(policy.rule()), product.variables());
        if (outcome.passed()) {
            return new ResultStore.Evaluated(policyId, product.id(), true, null, null);
        }
        String message = violationMessage(policy, outcome);
        if (exemption != null && exemption.covers(now)) {
            return new ResultStore.Evaluated(policyId, product.id(), true, exemption.expiresAt(), message);
        }
        return new ResultStore.Evaluated(policyId, product.id(), false, null, message);
    }

    static String violationMessage(PolicyDefinition policy, RuleEngine.Outcome outcome) {
        String message = policy.message() == null || policy.message().isBlank() ? policy.title() : policy.message();
        return outcome.error() == null ? message : message + " (" + outcome.error() + ")";
    }

    /** Evaluates and stores every enabled policy for these products. */
    @Transactional
    void evaluate(Collection<String> productIds, String cause) {
        List<String> ids = List.copyOf(productIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            evaluateBatch(facts.read(ids.subList(from, Math.min(ids.size(), from + BATCH))), cause);
        }
    }

    /** One product as an evaluation of the whole catalog left it. */
    record Tally(String domain, String team, int violations) {}

    /**
     * What an evaluation of the whole catalog did.
     *
     * @param failed products that could not be evaluated (logged), tried again next round
     */
    record Round(List<Tally> tallies, int failed) {}

    /**
     * Evaluates every product of the catalog as of {@code now}, {@link #BATCH} products per
     * transaction, so that neither a large catalog's results nor its entities pile up in one
     * transaction; a batch that fails is evaluated product by product, and a product that fails is
     * skipped (logged), so one product never stops the round.
     */
    Round evaluateAll(String cause, Instant now) {
        List<Tally> tallies = new ArrayList<>();
        int failed = 0;
        String after = null;
        while (true) {
            List<String> ids = catalogRead.productIds(after, BATCH);
            if (ids.isEmpty()) {
                return new Round(tallies, failed);
            }
            List<Tally> batch = batch(ids, cause, now);
            if (batch != null) {
                tallies.addAll(batch);
            } else {
                for (String id : ids) {
                    List<Tally> one = batch(List.of(id), cause, now);
                    if (one == null) {
                        failed++;
                    } else {
                        tallies.addAll(one);
                    }
                }
            }
            after = ids.getLast();
        }
    }

    /** Evaluates and stores the products in a transaction of their own; null when that failed. */
    private @Nullable List<Tally> batch(List<String> ids, String cause, Instant now) {
        try {
            return transactions.execute(status -> {
                List<ProductFacts> read = facts.read(ids, now);
                evaluateBatch(read, cause, now);
                Map<String, List<ResultStore.Result>> stored =
                        results.of(read.stream().map(ProductFacts::id).toList());
                List<Tally> tallies = new ArrayList<>();
                for (ProductFacts product : read) {
                    int violations = (int) stored.getOrDefault(product.id(), List.of()).stream()
                            .filter(ResultStore.Result::violated)
                            .count();
                    tallies.add(new Tally(
                            product.domain() == null ? "" : product.domain(), product.ownerTeam(), violations));
                }
                return tallies;
            });
        } catch (RuntimeException e) {
            if (ids.size() == 1) {
                LOG.warn(
                        "Product '{}' could not be evaluated against the policies; skipped this round",
                        ids.getFirst(),
                        e);
            } else {
                LOG.warn(
                        "Evaluating the products from '{}' to '{}' failed; evaluating them one by one",
                        ids.getFirst(),
                        ids.getLast(),
                        e);
            }
            return null;
        }
    }

    /** Evaluates and stores every enabled policy for these products, whose facts are read. */
    @Transactional
    void evaluateBatch(List<ProductFacts> products, String cause) {
        evaluateBatch(products, cause, clock.instant());
    }

    /**
     * As {@link #evaluateBatch(List, String)}, as of {@code now}: an exemption that ends by then
     * excuses nothing (the sweep passes its own clock's time).
     */
    @Transactional
    void evaluateBatch(List<ProductFacts> products, String cause, Instant now) {
        if (products.isEmpty()) {
            return;
        }
        List<Policy> enabled = policies.findByEnabledTrueAndRetiredAtIsNullOrderById();
        Map<String, Exemption> open =
                openExemptions(products.stream().map(ProductFacts::id).toList());
        List<ResultStore.Evaluated> evaluated = new ArrayList<>();
        for (ProductFacts product : products) {
            for (Policy policy : enabled) {
                ResultStore.Evaluated result = evaluate(
                        policy.id(), policy.definition(), product, open.get(key(policy.id(), product.id())), now);
                if (result != null) {
                    evaluated.add(result);
                }
            }
        }
        List<String> ids = products.stream().map(ProductFacts::id).toList();
        List<ResultStore.NewViolation> turned = results.replace(ids, evaluated, cause, now);
        Map<String, ProductFacts> byId = new HashMap<>();
        products.forEach(product -> byId.put(product.id(), product));
        Map<String, Policy> policyById = new HashMap<>();
        enabled.forEach(policy -> policyById.put(policy.id(), policy));
        for (ResultStore.NewViolation violation : turned) {
            Policy policy = policyById.get(violation.policyId());
            ProductFacts product = byId.get(violation.productId());
            if (policy != null && product != null) {
                PolicyDefinition definition = policy.definition();
                events.publishEvent(new PolicyViolated(
                        policy.id(),
                        definition.title(),
                        definition.severity(),
                        definition.mode(),
                        product.id(),
                        product.name(),
                        product.ownerTeam(),
                        violation.message(),
                        now));
            }
        }
        Map<String, List<ResultStore.Result>> stored = results.of(ids);
        Map<String, TrustScore> scores = new LinkedHashMap<>();
        Map<String, CatalogService.Standing> standings = new LinkedHashMap<>();
        for (ProductFacts product : products) {
            List<ResultStore.Result> own = stored.getOrDefault(product.id(), List.of());
            TrustScore score = trust.score(product, own, policyById, now);
            scores.put(product.id(), score);
            long violations = own.stream().filter(ResultStore.Result::violated).count();
            standings.put(product.id(), new CatalogService.Standing(score.score(), (int) violations));
        }
        trust.store(scores);
        catalog.recordStandings(standings);
    }

    /** Open exemptions of the products by policy and product. */
    Map<String, Exemption> openExemptions(Collection<String> productIds) {
        Map<String, Exemption> open = new HashMap<>();
        exemptions
                .findByProductIdInAndRevokedAtIsNull(productIds)
                .forEach(exemption -> open.put(key(exemption.policyId(), exemption.productId()), exemption));
        return open;
    }

    static String key(String policyId, String productId) {
        return policyId + '\u0000' + productId;
    }
}
