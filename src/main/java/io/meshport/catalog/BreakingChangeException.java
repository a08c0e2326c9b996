package io.meshport.catalog;

import io.meshport.system.ClientProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contract with consumers would break under the same major version, and nobody acknowledged
 * it: publish it as the next major version, or acknowledge the break
 * (docs/decisions/0022-contract-versions.md). Maps to 409; nothing is written.
 *
 * @param changes the breaking changes, one line each
 * @param consumerTeams the other teams that read the contract (input ports and agreements)
 * @param nextMajor the version that would be accepted without acknowledgement ({@code 3.0.0})
 */
public class BreakingChangeException extends RuntimeException implements ClientProblem {

    private final String contractId;
    private final List<String> changes;
    private final List<String> consumerTeams;
    private final String nextMajor;

    public BreakingChangeException(
            String contractId, String version, List<String> changes, List<String> consumerTeams, String nextMajor) {
        super("Version " + version + " of contract '" + contractId + "' breaks what teams "
                + String.join(", ", consumerTeams) + " rely on: " + String.join("; ", changes)
                + ". Publish it as version " + nextMajor + " or acknowledge the breaking change"
                + " (acknowledgeBreaking=true).");
        this.contractId = contractId;
        this.changes = List.copyOf(changes);
        this.consumerTeams = List.copyOf(consumerTeams);
        this.nextMajor = nextMajor;
    }

    public String contractId() {
        return contractId;
    }

    public List<String> changes() {
        return changes;
    }

    public List<String> consumerTeams() {
        return consumerTeams;
    }

    public String nextMajor() {
        return nextMajor;
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String problemType() {
        return "breaking-change";
    }

    @Override
    public String title() {
        return "Breaking change to a contract with consumers";
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("contractId", contractId);
        properties.put("breakingChanges", changes);
        properties.put("consumerTeams", consumerTeams);
        properties.put("nextMajorVersion", nextMajor);
        return properties;
    }
}
