package io.meshport.identity;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The person or pipeline a request acts as.
 *
 * @param issuer who vouches for the identity (the OpenID Connect issuer)
 * @param subject the stable id at that issuer; together with the issuer it is the key of a user
 * @param username the preferred user name, for display and search only
 * @param displayName a human-readable name
 * @param teams the identity provider's groups of this user, which are the owning teams of the mesh
 * @param admin whether the user belongs to the governance (admin) group
 */
public record Identity(
        String issuer, String subject, String username, String displayName, SortedSet<String> teams, boolean admin) {

    /** The issuer of the identities that API keys act as; the subject is the key's id. */
    public static final String API_KEY_ISSUER = "urn:meshport:api-key";

    public Identity {
        teams = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(teams));
    }

    public static Identity of(
            String issuer, String subject, String username, String displayName, Set<String> teams, boolean admin) {
        return new Identity(issuer, subject, username, displayName, new TreeSet<>(teams), admin);
    }

    public boolean isMemberOf(String team) {
        return teams.contains(team);
    }

    /** Whether the request is authenticated by a team's API key rather than a person or a client of the provider. */
    public boolean isApiKey() {
        return API_KEY_ISSUER.equals(issuer);
    }

    /** Whether this identity may act on behalf of the given owning team. */
    public boolean mayActFor(String team) {
        return admin || isMemberOf(team);
    }
}
