package io.meshport.system;

import java.net.ConnectException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns the start-up failures an operator can fix by configuration into one clear sentence about
 * which environment variable to set, instead of a wall of stack traces.
 */
class StartupFailureAnalyzer implements FailureAnalyzer {

    private static final java.util.regex.Pattern SETTING =
            java.util.regex.Pattern.compile("meshport\\.[a-z0-9.-]+ \\((MESHPORT_[A-Z0-9_]+)\\) ");

    private final @Nullable Environment environment;

    /** How Spring Boot makes it: with the environment, to name the configured cluster. */
    public StartupFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    StartupFailureAnalyzer() {
        this.environment = null;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        IllegalStateException searchSetting = find(failure, IllegalStateException.class);
        if (searchSetting != null
                && searchSetting.getMessage() != null
                && searchSetting.getMessage().startsWith("MESHPORT_SEARCH_")) {
            return new FailureAnalysis(
                    searchSetting.getMessage(),
                    "Set MESHPORT_SEARCH_URIS to the OpenSearch or Elasticsearch nodes (scheme, host and port,"
                            + " comma-separated), or leave it unset for the embedded index.",
                    failure);
        }
        IllegalArgumentException setting = find(failure, IllegalArgumentException.class);
        java.util.regex.Matcher named =
                setting == null || setting.getMessage() == null ? null : SETTING.matcher(setting.getMessage());
        if (named != null && named.lookingAt()) {
            // A module refused its own setting with a sentence naming it (meshport.x (MESHPORT_X) must ...).
            return new FailureAnalysis(
                    setting.getMessage(),
                    "Set " + named.group(1) + " to a value as the sentence says, or leave it unset for the default.",
                    failure);
        }
        if (mentions(failure, "HSEARCH400080") || mentions(failure, "HSEARCH400007")) {
            String uris = environment == null ? null : environment.getProperty("meshport.search.uris");
            return new FailureAnalysis(
                    "The search cluster could not be reached"
                            + (uris == null ? "" : " at " + uris)
                            + ": "
                            + searchCause(failure),
                    "Check MESHPORT_SEARCH_URIS (and MESHPORT_SEARCH_USERNAME, MESHPORT_SEARCH_PASSWORD): the"
                            + " OpenSearch or Elasticsearch nodes must be reachable from the portal; leave it unset"
                            + " for the embedded index.",
                    failure);
        }
        if (find(failure, BindValidationException.class) != null || isMeshportBindFailure(failure)) {
            return new FailureAnalysis(
                    "Meshport's identity provider is not configured.",
                    "Set MESHPORT_OIDC_ISSUER_URI (the OpenID Connect issuer) and MESHPORT_OIDC_CLIENT_ID"
                            + " (with MESHPORT_OIDC_CLIENT_SECRET for a confidential client).",
                    failure);
        }
        if (mentions(failure, "Unable to resolve Configuration with the provided Issuer")
                || mentions(failure, "Unable to resolve the Configuration with the provided Issuer")) {
            return new FailureAnalysis(
                    "The OpenID Connect issuer could not be reached or is not an issuer: " + rootMessage(failure),
                    "Check MESHPORT_OIDC_ISSUER_URI: it must be the issuer's base URL, reachable from the portal,"
                            + " serving /.well-known/openid-configuration.",
                    failure);
        }
        SQLException sql = find(failure, SQLException.class);
        if (sql != null && isConnectionFailure(sql)) {
            return new FailureAnalysis(
                    "The PostgreSQL database could not be reached: " + rootMessage(failure),
                    "Set SPRING_DATASOURCE_URL (jdbc:postgresql://host:5432/db), SPRING_DATASOURCE_USERNAME and"
                            + " SPRING_DATASOURCE_PASSWORD to a reachable PostgreSQL 15 or newer.",
                    failure);
        }
        if (mentions(failure, "Failed to determine a suitable driver class")
                || mentions(failure, "Failed to configure a DataSource")) {
            return new FailureAnalysis(
                    "No database is configured.",
                    "Set SPRING_DATASOURCE_URL (jdbc:postgresql://host:5432/db), SPRING_DATASOURCE_USERNAME and"
                            + " SPRING_DATASOURCE_PASSWORD.",
                    failure);
        }
        return null;
    }

    /** Hibernate Search's own sentence for the failure, on one line. */
    private static String searchCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed.getMessage() != null && suppressed.getMessage().contains("HSEARCH400")) {
                    return suppressed.getMessage().replaceAll("\\s+", " ").strip();
                }
            }
        }
        return rootMessage(failure).replaceAll("\\s+", " ").strip();
    }

    private static boolean isMeshportBindFailure(Throwable failure) {
        BindException bind = find(failure, BindException.class);
        return bind != null && bind.getName().toString().startsWith("meshport");
    }

    /** SQL state class 08 is "connection exception"; a refused socket or unknown host has none. */
    private static boolean isConnectionFailure(SQLException sql) {
        String state = sql.getSQLState();
        return (state != null && (state.startsWith("08") || state.equals("28P01") || state.equals("3D000")))
                || find(sql, ConnectException.class) != null
                || find(sql, java.net.UnknownHostException.class) != null;
    }

    private static boolean mentions(Throwable failure, String text) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
