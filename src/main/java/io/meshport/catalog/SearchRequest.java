package io.meshport.catalog;

import java.util.Set;

/**
 * A catalog search: free text plus facet filters. Within a facet the values are alternatives;
 * facets combine with "and".
 *
 * @param myTeams only products owned by one of the caller's teams
 * @param includeRetired retired products are hidden unless asked for (or filtered by status)
 */
public record SearchRequest(
        String text,
        Set<String> domains,
        Set<String> teams,
        Set<String> statuses,
        Set<String> tags,
        Set<String> portTypes,
        boolean myTeams,
        boolean includeRetired,
        Sort sort) {

    /** The longest query text accepted; longer input is refused with a message, not cut. */
    public static final int MAX_TEXT = 500;

    public enum Sort {
        RELEVANCE,
        NAME,
        UPDATED
    }

    public SearchRequest {
        text = text.strip();
        domains = Set.copyOf(domains);
        teams = Set.copyOf(teams);
        statuses = Set.copyOf(statuses);
        tags = Set.copyOf(tags);
        portTypes = Set.copyOf(portTypes);
    }

    /** The same search, filtered to these statuses instead. */
    public SearchRequest withStatuses(Set<String> statuses) {
        return new SearchRequest(text, domains, teams, statuses, tags, portTypes, myTeams, includeRetired, sort);
    }

    /** The same search, retired products included. */
    public SearchRequest includingRetired() {
        return new SearchRequest(text, domains, teams, statuses, tags, portTypes, myTeams, true, sort);
    }

    public static SearchRequest text(String text) {
        return new SearchRequest(text, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false, Sort.RELEVANCE);
    }
}
