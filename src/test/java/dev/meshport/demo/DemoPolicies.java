package dev.meshport.demo;

import io.meshport.governance.BuiltInPolicies;
import io.meshport.governance.GovernanceService;
import io.meshport.governance.PolicyDefinition;
import io.meshport.governance.PolicyMode;
import io.meshport.governance.PolicyView;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A few built-in policies switched on for the run command, so that the Policies tabs,
 * {@code /governance} and the trust scores show results from the start: a purpose of substance,
 * a support channel, no active product on a retired upstream and consistent service levels
 * (advisory), and output ports' service levels enforced on activation. On the demo catalog
 * Retention Offers (proposed, its contract promises nothing) breaks the output-port policy and
 * Trending Stocks (fresher than its Page Views input) the consistency one; the personal-data
 * policy is left off for governance to preview and switch on. Enabled as carol would, through
 * {@link GovernanceService}; a policy that governance has changed since Meshport shipped it is
 * left alone. Only the run command loads it, after {@link DemoCatalog}; tests start with every
 * built-in policy disabled.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public class DemoPolicies implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPolicies.class);

    /** The built-in policies the demo enables, and how. */
    static final List<Enabled> ENABLED = List.of(
            new Enabled(BuiltInPolicies.PURPOSE_OF_SUBSTANCE, PolicyMode.ADVISORY),
            new Enabled(BuiltInPolicies.SUPPORT_CHANNEL, PolicyMode.ADVISORY),
            new Enabled(BuiltInPolicies.OUTPUT_PORT_SLA, PolicyMode.ENFORCED),
            new Enabled(BuiltInPolicies.NO_RETIRED_UPSTREAM, PolicyMode.ADVISORY),
            new Enabled(BuiltInPolicies.SLA_CONSISTENT_ALONG_LINEAGE, PolicyMode.ADVISORY));

    record Enabled(String policyId, PolicyMode mode) {}

    private final GovernanceService governance;
    private final String adminGroup;

    DemoPolicies(GovernanceService governance, @Value("${meshport.admin-group:mesh-admins}") String adminGroup) {
        this.governance = governance;
        this.adminGroup = adminGroup;
    }

    @Override
    public void run(ApplicationArguments args) {
        int enabled = as(() -> {
            int count = 0;
            for (Enabled wanted : ENABLED) {
                Optional<PolicyView> policy = governance.policy(wanted.policyId());
                if (policy.isEmpty() || !untouched(policy.get())) {
                    continue;
                }
                PolicyView view = policy.get();
                PolicyDefinition definition =
                        view.definition().withMode(wanted.mode()).withEnabled(true);
                governance.save(view.id(), definition, view.revision());
                count++;
            }
            return count;
        });
        if (enabled > 0) {
            log.info("Demo policies: {} built-in policies enabled", enabled);
        }
    }

    /** As shipped: disabled, not retired, and changed by nobody since Meshport created it. */
    private boolean untouched(PolicyView policy) {
        return policy.builtIn()
                && !policy.definition().enabled()
                && policy.retiredAt() == null
                && governance.history(policy.id()).size() == 1;
    }

    private <T> T as(Supplier<T> work) {
        return DemoUsers.as("carol", List.of("finance", adminGroup), work);
    }
}
