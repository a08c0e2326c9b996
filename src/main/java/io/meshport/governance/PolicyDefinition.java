package io.meshport.governance;

import org.jspecify.annotations.Nullable;

/**
 * What governance writes of a policy: the API's body and the editor's model alike. Checked by
 * {@link GovernanceService#save}, which refuses what is wrong with a pointer per field.
 *
 * @param description Markdown: why the policy exists and how to keep it
 * @param rule a CEL expression that is true when a product keeps the policy
 * @param path a JSON Pointer into the product's document that a violation points at (the form
 *     shows the violation at that field); null for the product as a whole
 * @param message what a violation tells the owner; null to use the title
 * @param enabled whether the policy is evaluated at all; a disabled one is a draft or a built-in
 *     not switched on
 */
public record PolicyDefinition(
        String title,
        String description,
        Severity severity,
        PolicyMode mode,
        EnforceOn enforceOn,
        PolicyScope scope,
        String rule,
        @Nullable String path,
        @Nullable String message,
        boolean enabled) {

    /** The same policy in another mode. */
    public PolicyDefinition withMode(PolicyMode mode) {
        return new PolicyDefinition(title, description, severity, mode, enforceOn, scope, rule, path, message, enabled);
    }

    /** The same policy, switched on or off. */
    public PolicyDefinition withEnabled(boolean enabled) {
        return new PolicyDefinition(title, description, severity, mode, enforceOn, scope, rule, path, message, enabled);
    }
}
