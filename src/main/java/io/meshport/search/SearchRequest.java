package io.meshport.search;

import java.util.Set;

/**
 * A catalog search: free text plus facet filters. Within a facet the values are alternatives;
 * facets combine with "and".
 *
 * @param myTeams only products owned by one of the caller's teams
 * @param includeRetired retired products are hidden unless asked for (or filtered by status)
 * @param includeOtherTeamsDrafts other teams' draft and proposed products are hidden unless asked
 *     for, here or by a status filter naming that status; the caller's own teams' are always shown
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
        boolean includeOtherTeamsDrafts,
        Sort sort) {

    /** The longest query text accepted; longer input is refused with a message, not cut. */
    public static final int MAX_TEXT = 500;

    /** The statuses of a product still being worked on, which other teams see only when they ask. */
    public static final Set<String> WORK_IN_PROGRESS = Set.of("draft", "proposed");

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

    /** A search in which other teams' drafts are hidden. */
    public SearchRequest(
            String text,
            Set<String> domains,
            Set<String> teams,
            Set<String> statuses,
            Set<String> tags,
            Set<String> portTypes,
            boolean myTeams,
            boolean includeRetired,
            Sort sort) {
        this(text, domains, teams, statuses, tags, portTypes, myTeams, includeRetired, false, sort);
    }

    /** The same search, filtered to these statuses instead. */
    public SearchRequest withStatuses(Set<String> statuses) {
        return new SearchRequest(
                text,
                domains,
                teams,
                statuses,
                tags,
                portTypes,
                myTeams,
                includeRetired,
                includeOtherTeamsDrafts,
                sort);
    }

    /** The same search, retired products included. */
    public SearchRequest includingRetired() {
        return new SearchRequest(
                text, domains, teams, statuses, tags, portTypes, myTeams, true, includeOtherTeamsDrafts, sort);
    }

    /** The same search, other teams' draft and proposed products included. */
    public SearchRequest includingOtherTeamsDrafts() {
        return new SearchRequest(text, domains, teams, statuses, tags, portTypes, myTeams, includeRetired, true, sort);
    }

    /** The work-in-progress statuses whose products of other teams this search leaves out. */
    Set<String> hiddenOtherTeamsStatuses() {
        if (includeOtherTeamsDrafts) {
            return Set.of();
        }
        return WORK_IN_PROGRESS.stream()
                .filter(status -> !statuses.contains(status))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public static SearchRequest text(String text) {
        return new SearchRequest(text, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false, Sort.RELEVANCE);
    }
}
