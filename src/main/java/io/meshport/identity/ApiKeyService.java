package io.meshport.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team API keys: the only way in, for the page and the API alike (docs/decisions/0028-api-keys.md).
 *
 * <ul>
 *   <li><b>create</b>: a member of the team, signed in as a person or with the identity provider's
 *       token, never with an API key; not for the governance group, which keys do not act as;
 *   <li><b>see</b> (list, one key): the team's members and governance; never the secret;
 *   <li><b>revoke</b>: the team's members and governance, never with an API key.
 * </ul>
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class ApiKeyService {

    public static final int MAX_NAME_LENGTH = 64;

    /** How far ahead an expiry may be; further is taken for a mistake (docs/decisions/0028-api-keys.md). */
    public static final Period MAX_LIFETIME = Period.ofYears(2);

    /** Most keys one page lists. */
    public static final int MAX_LIMIT = 500;

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*");

    private final ApiKeyStore store;
    private final CurrentIdentity currentIdentity;
    private final UserDirectory users;
    private final TeamClaims teamClaims;
    private final Clock clock;

    ApiKeyService(
            ApiKeyStore store,
            CurrentIdentity currentIdentity,
            UserDirectory users,
            TeamClaims teamClaims,
            Clock clock) {
        this.store = store;
        this.currentIdentity = currentIdentity;
        this.users = users;
        this.teamClaims = teamClaims;
        this.clock = clock;
    }

    /**
     * Creates a key; the answer holds its secret, which nobody can read again.
     *
     * @throws AccessDeniedException the caller is not a member of the team, or is an API key
     * @throws InvalidApiKeyException a bad name or expiry, the governance group as team
     * @throws ApiKeyConflictException the team has a key of that name that is not revoked
     */
    @Transactional
    public CreatedApiKey create(NewApiKey request) {
        Identity caller = notByKey("create");
        String team = request.team().strip();
        List<InvalidApiKeyException.Field> errors = new ArrayList<>();
        if (team.isEmpty()) {
            errors.add(new InvalidApiKeyException.Field("/team", "team is required."));
        } else if (!caller.isMemberOf(team)) {
            throw new AccessDeniedException("Only members of team '" + team + "' may create its API keys; you are "
                    + (caller.teams().isEmpty() ? "in no team." : "in " + String.join(", ", caller.teams()) + "."));
        } else if (isGovernance(team)) {
            errors.add(new InvalidApiKeyException.Field(
                    "/team",
                    "'" + team + "' is the governance group: an API key acts for a data-owning team and never as"
                            + " governance. Governance's automation uses its own client of the identity provider."));
        }
        String name = request.name().strip();
        String nameProblem = nameProblem(name);
        if (nameProblem != null) {
            errors.add(new InvalidApiKeyException.Field("/name", nameProblem));
        }
        Instant now = clock.instant();
        Instant expiresAt =
                request.expiresAt() == null ? null : request.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        String expiryProblem = expiryProblem(expiresAt, now);
        if (expiryProblem != null) {
            errors.add(new InvalidApiKeyException.Field("/expiresAt", expiryProblem));
        }
        if (!errors.isEmpty()) {
            throw new InvalidApiKeyException(errors);
        }
        if (store.nameTaken(team, name)) {
            throw new ApiKeyConflictException("Team " + team + " has a key named '" + name
                    + "' already; choose another name, or revoke that key first.");
        }
        String secret = ApiKeySecrets.generate();
        UUID id = UUID.randomUUID();
        Instant createdAt = now.truncatedTo(ChronoUnit.MICROS);
        store.insert(
                id,
                name,
                team,
                ApiKeySecrets.hash(secret),
                ApiKeySecrets.visiblePrefix(secret),
                createdAt,
                users.record(caller),
                caller.displayName(),
                expiresAt);
        ApiKey key = store.find(id).orElseThrow().at(now);
        return new CreatedApiKey(key, secret);
    }

    /**
     * Keys the caller may see, newest first: the team's, or (team null) those of all the caller's
     * teams; governance sees every team's.
     *
     * @throws AccessDeniedException a team the caller is not in, for anyone but governance
     */
    public List<ApiKey> list(@Nullable String team, int offset, int limit) {
        Instant now = clock.instant();
        return store.list(visibleTeams(team), Math.max(0, offset), Math.clamp(limit, 1, MAX_LIMIT)).stream()
                .map(key -> key.at(now))
                .toList();
    }

    /** How many keys {@link #list} would list in all. */
    public long count(@Nullable String team) {
        return store.count(visibleTeams(team));
    }

    /**
     * One key, for the team's members and governance.
     *
     * @throws NoSuchApiKeyException no key has the id
     * @throws AccessDeniedException the key is another team's
     */
    public ApiKey get(UUID id) {
        Identity caller = currentIdentity.require();
        ApiKey key = store.find(id).orElseThrow(() -> noSuchKey(id)).at(clock.instant());
        if (!caller.mayActFor(key.team())) {
            throw new AccessDeniedException(
                    "API key " + id + " is team " + key.team() + "'s; only its members and governance may see it.");
        }
        return key;
    }

    /**
     * Revokes a key at once: the next request with it is refused. Revoking a revoked key changes
     * nothing.
     *
     * @throws NoSuchApiKeyException no key has the id
     * @throws AccessDeniedException the caller is neither in the key's team nor governance, or is
     *     an API key
     */
    @Transactional
    public ApiKey revoke(UUID id) {
        Identity caller = notByKey("revoke");
        ApiKeyStore.StoredKey key = store.find(id).orElseThrow(() -> noSuchKey(id));
        if (!caller.mayActFor(key.team())) {
            throw new AccessDeniedException("API key '" + key.name() + "' is team " + key.team()
                    + "'s; only its members and governance may revoke it.");
        }
        Instant now = clock.instant();
        store.revoke(id, now.truncatedTo(ChronoUnit.MICROS), users.record(caller), caller.displayName());
        return store.find(id).orElseThrow().at(now);
    }

    /** The teams the caller may create keys for: its own, but the governance group. */
    public List<String> teamsForKeys() {
        Identity caller = currentIdentity.require();
        if (caller.isApiKey()) {
            return List.of();
        }
        return caller.teams().stream().filter(team -> !isGovernance(team)).toList();
    }

    /** Whether the caller may revoke the team's keys (and see them). */
    public boolean mayManage(String team) {
        Identity caller = currentIdentity.require();
        return !caller.isApiKey() && caller.mayActFor(team);
    }

    /** Whether keys may act for the team at all: not for the governance group. */
    public boolean isGovernance(String team) {
        return teamClaims.isAdmin(Set.of(TeamClaims.team(team)));
    }

    private @Nullable List<String> visibleTeams(@Nullable String team) {
        Identity caller = currentIdentity.require();
        if (team == null || team.isBlank()) {
            return caller.admin() ? null : List.copyOf(caller.teams());
        }
        String wanted = team.strip();
        if (!caller.mayActFor(wanted)) {
            throw new AccessDeniedException("Only members of team '" + wanted + "' and governance see its API keys.");
        }
        return List.of(wanted);
    }

    private Identity notByKey(String what) {
        Identity caller = currentIdentity.require();
        if (caller.isApiKey()) {
            throw new AccessDeniedException("An API key may not " + what + " API keys: this request is authenticated"
                    + " by " + caller.displayName()
                    + ". Sign in to Meshport as a member of the team (Team settings), or"
                    + " use a token of the identity provider.");
        }
        return caller;
    }

    private static @Nullable String nameProblem(String name) {
        if (name.isEmpty()) {
            return "name is required.";
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            return "name may be at most " + MAX_NAME_LENGTH + " characters long; it has "
                    + name.codePointCount(0, name.length()) + ".";
        }
        if (!NAME.matcher(name).matches()) {
            return "name may hold letters, digits, spaces, '.', '-' and '_', and starts with a letter or a digit.";
        }
        return null;
    }

    private static @Nullable String expiryProblem(@Nullable Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return null;
        }
        if (!expiresAt.isAfter(now)) {
            return "expiresAt must be in the future; " + expiresAt + " has passed.";
        }
        Instant latest = now.atOffset(ZoneOffset.UTC).plus(MAX_LIFETIME).toInstant();
        if (expiresAt.isAfter(latest)) {
            return "expiresAt may be at most two years ahead (until " + latest.truncatedTo(ChronoUnit.SECONDS)
                    + "), not " + expiresAt + "; leave it out for a key that does not expire.";
        }
        return null;
    }

    private static NoSuchApiKeyException noSuchKey(UUID id) {
        return new NoSuchApiKeyException("No API key " + id + ".");
    }
}
