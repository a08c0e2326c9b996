package io.meshport.teams.api;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.JsonBody;
import io.meshport.catalog.Violation;
import io.meshport.identity.ApiKeyService;
import io.meshport.identity.CreatedApiKey;
import io.meshport.identity.NewApiKey;
import io.meshport.identity.NoSuchApiKeyException;
import io.meshport.system.BodyLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A team's API keys: its members create them (the secret is in that one answer), list them and
 * revoke them; governance lists and revokes any team's. A request authenticated by an API key
 * manages no keys. Every call goes through {@link ApiKeyService}, which checks who may do what.
 */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(
        name = "API keys",
        description = "A team's API keys: bearer tokens (Authorization: Bearer mpk_...) acting for the team on every"
                + " pipeline call, with the same ownership rules as its members")
@SecurityRequirement(name = "bearer")
@BodyLimit("${meshport.api.body-limit.api-keys:16KB}")
class ApiKeysApi {

    static final int DEFAULT_LIMIT = 100;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final Set<String> FIELDS = Set.of("name", "team", "expiresAt");

    private final ApiKeyService keys;

    ApiKeysApi(ApiKeyService keys) {
        this.keys = keys;
    }

    @Operation(
            summary = "Create an API key for a team",
            description = "A member of the team, signed in as a person or with the identity provider's token (not"
                    + " with an API key). The answer is the only one that carries the secret: store it now. expiresAt"
                    + " is a date (the key stops working at the start of that day, UTC) or a date-time with an offset;"
                    + " in the future, at most two years ahead; left out, the key does not expire.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = JSON,
                                            schema = @Schema(implementation = NewKeyBody.class),
                                            examples =
                                                    @ExampleObject(
                                                            value = "{\"name\": \"airflow-prod\", \"team\": \"sales\","
                                                                    + " \"expiresAt\": \"2027-06-30\"}"))),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "created; Location names the key",
                        content = @Content(schema = @Schema(implementation = CreatedApiKeyResponse.class))),
                @ApiResponse(responseCode = "400", description = "a bad name, team or expiry: errors[] with pointers"),
                @ApiResponse(
                        responseCode = "403",
                        description = "the caller is not in the team, or is itself an API key"),
                @ApiResponse(responseCode = "409", description = "the team has a key of that name")
            })
    @PostMapping(
            consumes = JSON,
            produces = {JSON, PROBLEM})
    ResponseEntity<CreatedApiKeyResponse> create(
            @org.springframework.web.bind.annotation.RequestBody(required = false) @Nullable String body) {
        JsonBody json = JsonBody.read(body, "API key", FIELDS, false, InvalidDocumentException::new);
        String name = json.text("name", true);
        String team = json.text("team", true);
        Instant expiresAt = expiry(json);
        json.done();
        CreatedApiKey created =
                keys.create(new NewApiKey(Objects.requireNonNull(name), Objects.requireNonNull(team), expiresAt));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(UriComponentsBuilder.fromPath("/api/v1/api-keys/{id}")
                        .buildAndExpand(created.key().id())
                        .toUri())
                // The secret must not stay in any cache on the way.
                .cacheControl(CacheControl.noStore())
                .body(CreatedApiKeyResponse.of(created));
    }

    @Operation(
            summary = "The API keys the caller may see",
            description = "The team's (its members and governance), or without team those of all the caller's"
                    + " teams (governance: every team's); newest first, revoked and expired ones included. Never"
                    + " the secret.")
    @GetMapping(produces = {JSON, PROBLEM})
    List<ApiKeyResponse> list(
            @Parameter(description = "only this team's keys") @RequestParam(required = false) @Nullable String team,
            @Parameter(description = "skip this many (default 0)") @RequestParam(required = false) @Nullable
                    String offset,
            @Parameter(
                            description = "at most this many (1 to " + ApiKeyService.MAX_LIMIT + "; default "
                                    + DEFAULT_LIMIT + ")")
                    @RequestParam(required = false)
                    @Nullable
                    String limit) {
        List<Violation> violations = new ArrayList<>();
        int skip = number(offset, "offset", 0, 0, Integer.MAX_VALUE, violations);
        int most = number(limit, "limit", DEFAULT_LIMIT, 1, ApiKeyService.MAX_LIMIT, violations);
        if (!violations.isEmpty()) {
            throw new InvalidDocumentException("Invalid query", violations);
        }
        return keys.list(team, skip, most).stream().map(ApiKeyResponse::of).toList();
    }

    @Operation(summary = "One API key", description = "The team's members and governance. Never the secret.")
    @GetMapping(
            value = "/{id}",
            produces = {JSON, PROBLEM})
    ApiKeyResponse get(@PathVariable String id) {
        return ApiKeyResponse.of(keys.get(uuid(id)));
    }

    @Operation(
            summary = "Revoke an API key",
            description = "The team's members or governance, not with an API key. The next request with the key is"
                    + " refused (401). Revoking a revoked key changes nothing.",
            responses = {
                @ApiResponse(responseCode = "204", description = "revoked"),
                @ApiResponse(responseCode = "403", description = "another team's key, or the caller is an API key"),
                @ApiResponse(responseCode = "404", description = "no such key")
            })
    @DeleteMapping(
            value = "/{id}",
            produces = {JSON, PROBLEM})
    ResponseEntity<Void> revoke(@PathVariable String id) {
        keys.revoke(uuid(id));
        return ResponseEntity.noContent().build();
    }

    /** A date (the start of that day, UTC) or a date-time with an offset; null when absent. */
    private static @Nullable Instant expiry(JsonBody json) {
        String text = json.text("expiresAt", false);
        if (text == null) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            boolean withoutOffset = isLocalDateTime(value);
            json.violation(
                    "expiresAt",
                    withoutOffset
                            ? "expiresAt needs an offset, such as 2027-06-30T12:00:00Z (UTC) or"
                                    + " 2027-06-30T14:00:00+02:00."
                            : "expiresAt must be a date such as 2027-06-30 or a date-time such as"
                                    + " 2027-06-30T12:00:00Z (ISO 8601), not '" + shortened(text) + "'.");
            return null;
        }
    }

    private static boolean isLocalDateTime(String value) {
        try {
            LocalDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static int number(
            @Nullable String text, String name, int otherwise, int least, int most, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        violations.add(new Violation(
                "/" + name,
                name + " must be a whole number from " + least + (most == Integer.MAX_VALUE ? " up" : " to " + most)
                        + ", not '" + shortened(text) + "'."));
        return otherwise;
    }

    /** A path id that is no UUID names no key: 404, saying what an id looks like. */
    private static UUID uuid(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new NoSuchApiKeyException(
                "No API key '" + shortened(id) + "': key ids are UUIDs such as 3f2b8c1e-6d4a-4e8b-9c1d-2a7e5f0b9c3d.");
    }

    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    /** The request body, for the OpenAPI document only: {@link JsonBody} reads it field by field. */
    @Schema(name = "NewApiKey")
    record NewKeyBody(
            @Schema(
                    description = "unique in the team among keys not revoked; letters, digits, spaces, '.', '-', '_'",
                    maxLength = ApiKeyService.MAX_NAME_LENGTH,
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(
                    description = "the team the key acts for: one of the caller's",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String team,

            @Schema(description = "a date or a date-time with offset; omitted: no expiry") @Nullable
            String expiresAt) {}
}
