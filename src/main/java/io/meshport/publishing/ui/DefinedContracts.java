package io.meshport.publishing.ui;

import io.meshport.catalog.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contracts defined at the form's output ports: which of them saving writes, the form's own
 * checks of them, and where the service's problems with them show.
 */
final class DefinedContracts {

    /** A contract defined at the output port with index {@code port} that saving writes. */
    record Defined(int port, String id, ObjectNode document) {}

    private DefinedContracts() {}

    /** The contracts defined in the form that saving writes: new, imported or edited ones. */
    static List<Defined> changed(List<OutputPortEditor> ports, String team, String productName) {
        List<Defined> changed = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            OutputPortEditor editor = ports.get(i);
            if (editor.contractChanged(team, productName)) {
                int port = i;
                editor.inlineContract(team, productName)
                        .ifPresent(
                                contract -> changed.add(new Defined(port, Documents.text(contract, "id"), contract)));
            }
        }
        return changed;
    }

    /** What the form sees before saving: each contract's version, and one contract per port. */
    static List<Violation> problems(List<OutputPortEditor> ports) {
        List<Violation> violations = new ArrayList<>();
        Set<String> defined = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            OutputPortEditor editor = ports.get(i);
            if (!OutputPortEditor.DEFINE.equals(editor.contractMode.getValue())) {
                continue;
            }
            String versionProblem = editor.contract.versionProblem();
            if (versionProblem != null) {
                violations.add(new Violation("/contracts/" + i + "/version", versionProblem));
            }
            String contractId = editor.contractId();
            if (contractId != null && !defined.add(contractId)) {
                violations.add(new Violation(
                        "/contracts/" + i + "/id",
                        "Another port already defines contract '" + contractId + "': give each port its own."));
            }
        }
        return violations;
    }

    /** The service points into the i-th contract sent; the form shows it at that contract's port. */
    static List<Violation> atPorts(List<Violation> violations, List<Defined> sent) {
        return violations.stream()
                .map(v -> {
                    String[] parts = v.pointer().split("/", 4);
                    if (parts.length >= 3 && parts[1].equals("contracts") && parts[2].matches("\\d+")) {
                        int index = Integer.parseInt(parts[2]);
                        if (index < sent.size()) {
                            String rest = parts.length > 3 ? "/" + parts[3] : "";
                            return new Violation("/contracts/" + sent.get(index).port() + rest, v.message());
                        }
                    }
                    return v;
                })
                .toList();
    }
}
