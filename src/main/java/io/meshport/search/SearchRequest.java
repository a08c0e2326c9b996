package io.meshport.search;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A catalog search: free text plus facet filters. Within a facet the values are alternatives;
 * facets combine with "and".
 *
 * @param myTeams only products owned by one of the caller's teams
 * @param includeRetired retired products are hidden unless asked for (or filtered by status)
 * @param includeOtherTeamsDrafts other teams' draft and proposed products are hidden unless asked
 *     for, here or by a status filter naming that status; the caller's own teams' are always shown
 * @param violating governance's facet: {@code true} for products that violate a policy, {@code
 *     false} for those that violate none (both, or none, for no filter)
 * @param minTrust only products whose trust score is at least this (0 to 100); a product not yet
 *     evaluated has no score and is left out; null for no filter
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
        Sort sort,
        Set<String> violating,
        @Nullable Integer minTrust) {

    /** The longest query text accepted; longer input is refused with a message, not cut. */
    public static final int MAX_TEXT = 500;

    /** The statuses of a product still being worked on, which other teams see only when they ask. */
    public static final Set<String> WORK_IN_PROGRESS = Set.of("draft", "proposed");

    /** The values of the {@code violating} facet. */
    public static final Set<String> VIOLATING_VALUES = Set.of(ViolatingBridge.VIOLATING, ViolatingBridge.KEEPING);

    public enum Sort {
        RELEVANCE,
        NAME,
        UPDATED,
        /** Highest trust score first, products not yet evaluated last; ties by name. */
        TRUST
    }

    public SearchRequest {
        text = text.strip();
        domains = Set.copyOf(domains);
        teams = Set.copyOf(teams);
        statuses = Set.copyOf(statuses);
        tags = Set.copyOf(tags);
        portTypes = Set.copyOf(portTypes);
        violating = violating.stream()
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        for (String value : violating) {
            if (!VIOLATING_VALUES.contains(value)) {
                throw new InvalidSearchException(
                        "Bad violating filter",
                        "/violating",
                        "violating must be true or false, not '"
                                + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'.");
            }
        }
        if (minTrust != null && (minTrust < 0 || minTrust > 100)) {
            throw new InvalidSearchException(
                    "Bad minTrust",
                    "/minTrust",
                    "minTrust must be a whole number from 0 to 100, not " + minTrust + ".");
        }
    }

    /** A search without governance's filters. */
    public SearchRequest(
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
        this(
                text,
                domains,
                teams,
                statuses,
                tags,
                portTypes,
                myTeams,
                includeRetired,
                includeOtherTeamsDrafts,
                sort,
                Set.of(),
                null);
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
        this(text, domains, teams, statuses, tags, portTypes, myTeams, includeRetired, false, sort, Set.of(), null);
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
                sort,
                violating,
                minTrust);
    }

    /** The same search, retired products included. */
    public SearchRequest includingRetired() {
        return new SearchRequest(
                text,
                domains,
                teams,
                statuses,
                tags,
                portTypes,
                myTeams,
                true,
                includeOtherTeamsDrafts,
                sort,
                violating,
                minTrust);
    }

    /** The same search, other teams' draft and proposed products included. */
    public SearchRequest includingOtherTeamsDrafts() {
        return new SearchRequest(
                text,
                domains,
                teams,
                statuses,
                tags,
                portTypes,
                myTeams,
                includeRetired,
                true,
                sort,
                violating,
                minTrust);
    }

    /** The same search, filtered by governance's standing instead (see {@link #violating}, {@link #minTrust}). */
    public SearchRequest withStanding(Set<String> violating, @Nullable Integer minTrust) {
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
                sort,
                violating,
                minTrust);
    }

    /** The same search in another order. */
    public SearchRequest sortedBy(Sort sort) {
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
                sort,
                violating,
                minTrust);
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
