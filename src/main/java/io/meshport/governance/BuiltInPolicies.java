package io.meshport.governance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policies Meshport ships, ready to enable: inserted at start-up, once, disabled and advisory,
 * with a "created" entry by Meshport in each one's history. A row that exists is never touched
 * again, since governance may have changed, enabled or retired it; two nodes starting together
 * insert each at most once ({@code on conflict do nothing}). The rules are described in the
 * README's "Policies" section (docs/decisions/0027-built-in-policies-and-trust-score.md).
 */
@Component
public class BuiltInPolicies {

    public static final String PURPOSE_OF_SUBSTANCE = "purpose-of-substance";
    public static final String OUTPUT_PORT_SLA = "output-port-sla";
    public static final String PERSONAL_DATA_RESTRICTED = "personal-data-restricted-access";
    public static final String SUPPORT_CHANNEL = "support-channel";
    public static final String NO_RETIRED_UPSTREAM = "no-retired-upstream";
    public static final String SLA_CONSISTENT_ALONG_LINEAGE = "sla-consistent-along-lineage";
    public static final String REVIEW_NOT_OVERDUE = "review-not-overdue";

    /** Who the history names as the author of a built-in policy. */
    static final String AUTHOR = "Meshport";

    /**
     * Classifications that mark personal data, matched after trimming and in lower case: the
     * words in use for it (pii, personal, personal data, sensitive, spi, phi) and ODCS's own example
     * {@code restricted}.
     */
    static final String PERSONAL_CLASSIFICATIONS = "^(pii|spi|phi|personal|personal[ _-]?data|sensitive|restricted)$";

    /** A built-in policy: its id and its definition as shipped (disabled). */
    public record BuiltIn(String id, PolicyDefinition definition) {}

    private static final Logger log = LoggerFactory.getLogger(BuiltInPolicies.class);
    private static final JsonMapper JSON = JsonMapper.shared();

    private static final PolicyScope ACTIVE = new PolicyScope(List.of(), List.of("active"), List.of(), List.of());

    private static final List<BuiltIn> ALL = List.of(
            builtIn(
                    PURPOSE_OF_SUBSTANCE,
                    "A purpose of substance",
                    """
                    A consumer decides from the purpose whether a product is for them, and a search finds \
                    a product by the words of its purpose. A few words, the product's name again, or a \
                    placeholder tell them nothing.

                    **To keep it**, say in `description.purpose` what the product holds, for whom and \
                    for what: at least 40 characters and six words, not starting with a placeholder such \
                    as *TBD*, *TODO*, *n/a* or *lorem ipsum*.
                    """,
                    Severity.MEDIUM,
                    EnforceOn.PUBLISH,
                    PolicyScope.ALL,
                    """
                    has(product.description) && has(product.description.purpose)
                      && type(product.description.purpose) == string
                      && size(product.description.purpose.trim()) >= 40
                      && size(product.description.purpose.trim().replace('\\n', ' ').split(' ')
                              .filter(word, word != '')) >= 6
                      && !product.description.purpose.trim().lowerAscii()
                              .matches('^(tbd|tba|todo|n/?a|none|lorem ipsum|test|wip)([^a-z]|$)')""",
                    "/description/purpose",
                    "Say in at least 40 characters and six words what the product holds and what it is for;"
                            + " a placeholder does not count."),
            builtIn(
                    OUTPUT_PORT_SLA,
                    "Every output port promises availability or freshness",
                    """
                    Consumers build on an output port only as far as they can rely on it. A port whose \
                    contract promises neither availability nor freshness gives them nothing to rely on, \
                    and Meshport nothing to measure.

                    **To keep it**, give every output port a `contractId` whose data contract (ODCS) has \
                    an `slaProperties` entry `availability` (e.g. `99.5` `percent`) or `latency` (also \
                    spelled `freshness`, e.g. `1` `d`) with a value.
                    """,
                    Severity.HIGH,
                    EnforceOn.ACTIVATION,
                    PolicyScope.ALL,
                    """
                    !has(product.outputPorts) || product.outputPorts.all(port,
                      has(port.contractId) && contracts.exists(contract,
                        has(contract.id) && contract.id == port.contractId && has(contract.slaProperties)
                          && contract.slaProperties.exists(sla,
                               has(sla.property) && type(sla.property) == string
                                 && sla.property.trim().lowerAscii() in ['availability', 'latency', 'freshness']
                                 && has(sla.value) && sla.value != null && sla.value != '')))""",
                    "/outputPorts",
                    "Every output port needs a data contract that promises availability or latency (freshness)."),
            builtIn(
                    PERSONAL_DATA_RESTRICTED,
                    "Personal data only through a restricted-access role",
                    """
                    Fields that hold personal data must not be open to whoever asks: data protection law \
                    asks for access on a need-to-know basis, with someone accountable approving it.

                    A field counts as personal data when its ODCS `classification` is one of `pii`, \
                    `personal`, `personal data` (or `personal-data`, `personal_data`), `sensitive`, \
                    `spi`, `phi` or `restricted` (in any case).

                    **To keep it**, give the data contract of each port with such fields a `roles` \
                    entry (the IAM role that grants access to the data set) with its \
                    `firstLevelApprovers`, for example:

                    ```yaml
                    roles:
                      - role: customer_360_reader
                        access: read
                        firstLevelApprovers: Sales data owner
                    ```

                    and let the port's owners decide access requests: an output port whose custom \
                    property `accessApproval` is `automatic` approves anyone, which is not restricted.
                    """,
                    Severity.HIGH,
                    EnforceOn.PUBLISH,
                    PolicyScope.ALL,
                    """
                    fields.filter(field, field.classification.trim().lowerAscii()
                        .matches('%s'))
                      .all(field,
                        contracts.exists(contract, has(contract.id) && contract.id == field.contract
                          && has(contract.roles) && contract.roles.exists(role,
                               has(role.role) && has(role.firstLevelApprovers)
                                 && type(role.firstLevelApprovers) == string && role.firstLevelApprovers.trim() != ''))
                        && !(has(product.outputPorts) && product.outputPorts.exists(port,
                               has(port.contractId) && port.contractId == field.contract
                                 && has(port.customProperties) && port.customProperties.exists(custom,
                                      has(custom.property) && custom.property == 'accessApproval'
                                        && has(custom.value) && custom.value == 'automatic'))))""".formatted(PERSONAL_CLASSIFICATIONS),
                    "/outputPorts",
                    "A contract with fields classified as personal data needs a roles entry with first-level"
                            + " approvers, and its port must not approve access automatically."),
            builtIn(
                    SUPPORT_CHANNEL,
                    "A support channel",
                    """
                    A consumer with a question, or a broken pipeline, needs to know where to go. Without \
                    a support channel they ask around, or give up.

                    **To keep it**, name at least one channel in the product's `support` list, with \
                    its `channel` and `url` (a Slack or Teams channel, a mailing list, a ticket queue).
                    """,
                    Severity.LOW,
                    EnforceOn.PUBLISH,
                    PolicyScope.ALL,
                    """
                    has(product.support) && product.support.exists(channel,
                      has(channel.channel) && type(channel.channel) == string && channel.channel.trim() != '')""",
                    "/support",
                    "Name at least one support channel (support[].channel) where consumers get help."),
            builtIn(
                    NO_RETIRED_UPSTREAM,
                    "No active product builds on a retired one",
                    """
                    An active product that reads from a retired product, or from a deprecated one past \
                    its sunset date, is about to break, or serves data nobody keeps any more.

                    **To keep it**, move the input port to the successor of the retired or deprecated \
                    product (its description or its `successor` custom property usually names it), or \
                    deprecate this product too. Only active products are checked.
                    """,
                    Severity.HIGH,
                    EnforceOn.PUBLISH,
                    ACTIVE,
                    "lineage.upstream.all(upstream, upstream.status != 'retired' && !upstream.pastSunset)",
                    "/inputPorts",
                    "An input comes from a product that is retired, or deprecated and past its sunset date."),
            builtIn(
                    SLA_CONSISTENT_ALONG_LINEAGE,
                    "Service levels consistent along lineage",
                    """
                    A product cannot be fresher, or more available, than the products it reads from. \
                    A promise tighter than its inputs' promises will be broken the first time an input \
                    takes all the time it is allowed.

                    **To keep it**, loosen the output port's promise in its data contract to what the \
                    inputs allow, or agree a tighter promise with the upstream owners. The product's SLA \
                    tab names each inconsistency. Only active products are checked.
                    """,
                    Severity.MEDIUM,
                    EnforceOn.PUBLISH,
                    ACTIVE,
                    "sla.consistent",
                    "/outputPorts",
                    "A promised service level is tighter than what the upstream products promise."),
            builtIn(
                    REVIEW_NOT_OVERDUE,
                    "Review not overdue",
                    """
                    An owner's periodic review confirms that a product's description, contracts and \
                    promises are still true. An overdue review means nobody has looked for a while.

                    **To keep it**, review the product on *My products*: confirm or correct what it \
                    says. Only active products are checked.
                    """,
                    Severity.MEDIUM,
                    EnforceOn.PUBLISH,
                    ACTIVE,
                    "!review.overdue",
                    null,
                    "The owners' periodic review of this product is overdue."));

    private final JdbcClient jdbc;
    private final Clock clock;

    BuiltInPolicies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The built-in policies as shipped, in a fixed order. */
    public static List<BuiltIn> all() {
        return ALL;
    }

    /** A built-in policy as shipped. */
    public static BuiltIn get(String id) {
        return ALL.stream()
                .filter(builtIn -> builtIn.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No built-in policy '" + id + "'."));
    }

    /** After Flyway and before any runner (the demo enables some): inserts the missing ones. */
    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void insertMissing() {
        int inserted = 0;
        for (BuiltIn builtIn : ALL) {
            if (insert(builtIn)) {
                inserted++;
            }
        }
        if (inserted > 0) {
            log.info("Built-in policies: {} inserted, disabled", inserted);
        }
    }

    /** Inserts a built-in policy when no row has its id; whether it did. */
    boolean insert(BuiltIn builtIn) {
        Instant now = clock.instant();
        PolicyDefinition definition = builtIn.definition();
        PolicyScope scope = definition.scope();
        int rows = jdbc.sql("""
                        insert into policy (id, title, description, severity, mode, enforce_on, scope, rule, path,
                                            message, enabled, built_in, lock_version, created_at, updated_at,
                                            updated_by_name)
                        values (:id, :title, :description, :severity, :mode, :enforceOn, cast(:scope as jsonb),
                                :rule, :path, :message, false, true, 0, :now, :now, :author)
                        on conflict (id) do nothing
                        """)
                .param("id", builtIn.id())
                .param("title", definition.title())
                .param("description", definition.description())
                .param("severity", definition.severity().value())
                .param("mode", definition.mode().value())
                .param("enforceOn", definition.enforceOn().value())
                .param(
                        "scope",
                        JSON.writeValueAsString(Map.of(
                                "domains", scope.domains(),
                                "statuses", scope.statuses(),
                                "tags", scope.tags(),
                                "portTypes", scope.portTypes())))
                .param("rule", definition.rule())
                .param("path", definition.path())
                .param("message", definition.message())
                .param("now", Timestamp.from(now))
                .param("author", AUTHOR)
                .update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql("""
                        insert into policy_change (policy_id, revision, action, summary, actor_name, changed_at, after)
                        values (:id, 0, 'created', :summary, :author, :now, cast(:after as jsonb))
                        """)
                .param("id", builtIn.id())
                .param("summary", PolicyChanges.summary(null, definition) + " (built in)")
                .param("author", AUTHOR)
                .param("now", Timestamp.from(now))
                .param("after", JSON.writeValueAsString(PolicyChanges.asMap(definition)))
                .update();
        return true;
    }

    private static BuiltIn builtIn(
            String id,
            String title,
            String description,
            Severity severity,
            EnforceOn enforceOn,
            PolicyScope scope,
            String rule,
            @Nullable String path,
            String message) {
        return new BuiltIn(
                id,
                new PolicyDefinition(
                        title,
                        description.strip(),
                        severity,
                        PolicyMode.ADVISORY,
                        enforceOn,
                        scope,
                        rule,
                        path,
                        message,
                        false));
    }
}
