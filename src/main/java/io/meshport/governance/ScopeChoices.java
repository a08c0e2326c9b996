package io.meshport.governance;

import java.util.List;

/**
 * The values the policy editor offers for a scope, from today's catalog; other values may be
 * typed (a scope may name a domain or tag no product has yet).
 */
public record ScopeChoices(List<String> domains, List<String> statuses, List<String> tags, List<String> portTypes) {}
