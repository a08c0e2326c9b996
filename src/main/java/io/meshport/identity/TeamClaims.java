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
        this.adminGroup = properties.adminGroup();
    }

    /**
     * The groups in the claim. Providers differ: a JSON array, a single string, or (Keycloak
     * with full paths) names with a leading slash; all become plain team names.
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
            String name = String.valueOf(group).strip();
            if (name.startsWith("/")) {
                name = name.substring(name.lastIndexOf('/') + 1);
            }
            if (!name.isEmpty()) {
                teams.add(name);
            }
        }
        return teams;
    }

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
