package io.meshport.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Reads teams from the configured groups claim and turns them into authorities. Browser logins
 * and API tokens share this one mapping, so the UI and the API agree about who is in which team.
 */
@Component
class TeamClaims {

    static final String ROLE_USER = "ROLE_USER";
    static final String ROLE_ADMIN = "ROLE_ADMIN";
    static final String TEAM_PREFIX = "TEAM_";

    private final String groupsClaim;
    private final String adminGroup;

    TeamClaims(IdentityProperties properties) {
        this.groupsClaim = properties.oidc().groupsClaim();
        this.adminGroup = team(properties.adminGroup());
    }

    /**
     * The groups in the claim. Providers differ: a JSON array, a single string, or (Keycloak
     * with full paths) paths with a leading slash. A path keeps its whole path without the leading
     * slash, so that {@code /org-a/sales} and {@code /org-b/sales} stay two teams ({@code
     * org-a/sales}, {@code org-b/sales}); a top-level {@code /sales} is {@code sales}, as is a
     * plain {@code sales}. See docs/decisions/0013-api-edge.md.
     */
    Set<String> teams(Map<String, Object> claims) {
        Object value = claims.get(groupsClaim);
        Collection<?> raw =
                switch (value) {
                    case null -> List.of();
                    case Collection<?> collection -> collection;
                    case String single -> List.of(single.split("[,\\s]+"));
                    default -> List.of();
                };
        Set<String> teams = new LinkedHashSet<>();
        for (Object group : raw) {
            String name = team(String.valueOf(group));
            if (!name.isEmpty()) {
                teams.add(name);
            }
        }
        return teams;
    }

    /** A group as a team name: the path without its leading slash (and without a trailing one). */
    static String team(String group) {
        String name = group.strip();
        if (name.startsWith("/")) {
            name = name.substring(1);
        }
        if (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    /**
     * Whether the teams include the admin group, configured either way ({@code mesh-admins} or
     * {@code /mesh-admins}; a nested one by its path, {@code /org-a/mesh-admins}).
     */
    boolean isAdmin(Set<String> teams) {
        return teams.contains(adminGroup);
    }

    List<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<String> teams = teams(claims);
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(ROLE_USER));
        if (isAdmin(teams)) {
            authorities.add(new SimpleGrantedAuthority(ROLE_ADMIN));
        }
        teams.forEach(team -> authorities.add(new SimpleGrantedAuthority(TEAM_PREFIX + team)));
        return authorities;
    }
}
