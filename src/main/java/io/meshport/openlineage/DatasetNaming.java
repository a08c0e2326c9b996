package io.meshport.openlineage;

import io.meshport.catalog.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The OpenLineage datasets an output port is, from its contract and from its own explicit
 * mapping: pure functions over the documents (docs/decisions/0030-dataset-naming.md).
 *
 * <p>A contract's datasets are those of each of its {@code servers}, named as the OpenLineage
 * dataset naming specification says for the server's {@code type}, for each schema object's
 * {@code physicalName} (its {@code name} when it has none). A physical name may be qualified
 * ({@code public.orders}, {@code analytics.public.orders}): its parts fill the name from the right
 * and the server's fields the rest. A server of a type the specification does not name, or one
 * missing a field its name needs, names no dataset (and is no error: contracts describe servers
 * for people, too).
 */
final class DatasetNaming {

    /** The output port custom property that names datasets explicitly. */
    static final String MAPPING_PROPERTY = "openlineageDatasets";

    static final int MAX_MAPPED = 100;

    /**
     * The longest namespace a port may name, in UTF-8 bytes: as long as an event may name one
     * ({@link EventReader#MAX_NAMESPACE_BYTES}), so every event's dataset can be mapped.
     */
    static final int MAX_NAMESPACE_BYTES = EventReader.MAX_NAMESPACE_BYTES;

    /**
     * The longest dataset name a port may name, in UTF-8 bytes. A port's dataset is a key of
     * {@code port_dataset} with its product id (at most 200 bytes) and port name (at most 200
     * characters, 800 bytes), and PostgreSQL keeps a B-tree entry of at most 2,704 bytes: 500 +
     * 1,000 + 1,000 leave room. Events may name longer datasets (up to 2,000 bytes); those cannot
     * be ports.
     */
    static final int MAX_NAME_BYTES = 1_000;

    private static final Map<String, Integer> DEFAULT_PORTS = Map.ofEntries(
            Map.entry("postgres", 5432),
            Map.entry("mysql", 3306),
            Map.entry("sqlserver", 1433),
            Map.entry("synapse", 1433),
            Map.entry("oracle", 1521),
            Map.entry("redshift", 5439),
            Map.entry("trino", 8080),
            Map.entry("hive", 9083),
            Map.entry("db2", 50000),
            Map.entry("kafka", 9092));

    private DatasetNaming() {}

    /** The datasets of a contract (ODCS v3, as JSON), in server then schema order, each once. */
    static List<DatasetName> ofContract(JsonNode contract) {
        List<String> tables = new ArrayList<>();
        for (JsonNode object : contract.path("schema")) {
            String table = text(object.path("physicalName"));
            if (table == null) {
                table = text(object.path("name"));
            }
            if (table != null) {
                tables.add(table);
            }
        }
        Set<DatasetName> datasets = new LinkedHashSet<>();
        for (JsonNode server : contract.path("servers")) {
            datasets.addAll(ofServer(server, tables));
        }
        return List.copyOf(datasets);
    }

    /**
     * The datasets one server holds of these tables (physical names) that a port may name: a
     * server (or a name) the rules cannot make sense of names nothing, whatever it holds; a
     * contract is never refused, nor a product's write failed, for what its servers say.
     */
    static List<DatasetName> ofServer(JsonNode server, List<String> tables) {
        List<DatasetName> named;
        try {
            named = namedBy(server, tables);
        } catch (RuntimeException unnameable) {
            return List.of();
        }
        return named.stream().filter(DatasetNaming::storable).toList();
    }

    /** Whether a port may name the dataset: within the bounds in UTF-8 bytes, no control characters. */
    static boolean storable(DatasetName dataset) {
        return !dataset.namespace().isEmpty()
                && !dataset.name().isEmpty()
                && utf8Bytes(dataset.namespace()) <= MAX_NAMESPACE_BYTES
                && utf8Bytes(dataset.name()) <= MAX_NAME_BYTES
                && (dataset.namespace() + dataset.name()).chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static int utf8Bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static List<DatasetName> namedBy(JsonNode server, List<String> tables) {
        String type = text(server.path("type"));
        if (type == null) {
            return List.of();
        }
        type = type.toLowerCase(Locale.ROOT);
        Set<DatasetName> datasets = new LinkedHashSet<>();
        switch (type) {
            case "postgres", "postgresql" ->
                hostPort(server, "postgres")
                        .ifPresentDo(namespace -> tables.forEach(table -> qualified(
                                        table, 3, field(server, "database"), field(server, "schema"))
                                .ifPresentDo(name -> datasets.add(new DatasetName("postgres://" + namespace, name)))));
            case "mysql" ->
                hostPort(server, "mysql")
                        .ifPresentDo(namespace -> tables.forEach(table -> qualified(table, 2, field(server, "database"))
                                .ifPresentDo(name -> datasets.add(new DatasetName("mysql://" + namespace, name)))));
            case "sqlserver", "mssql" ->
                // The specification says mssql://; the Java client's JDBC naming (Spark) says sqlserver://.
                hostPort(server, "sqlserver")
                        .ifPresentDo(namespace -> tables.forEach(
                                table -> qualified(table, 3, field(server, "database"), field(server, "schema"))
                                        .ifPresentDo(name -> {
                                            datasets.add(new DatasetName("mssql://" + namespace, name));
                                            datasets.add(new DatasetName("sqlserver://" + namespace, name));
                                        })));
            case "synapse" ->
                hostPort(server, "synapse")
                        .ifPresentDo(namespace -> tables.forEach(table -> qualified(table, 2, field(server, "schema"))
                                .ifPresentDo(name -> datasets.add(new DatasetName("sqlserver://" + namespace, name)))));
            case "oracle" ->
                hostPort(server, "oracle")
                        .ifPresentDo(namespace -> tables.forEach(table -> qualified(
                                        table, 3, field(server, "serviceName"), field(server, "schema"))
                                .ifPresentDo(name -> datasets.add(new DatasetName("oracle://" + namespace, name)))));
            case "db2" ->
                hostPort(server, "db2")
                        .ifPresentDo(namespace -> tables.forEach(table -> qualified(
                                        table, 3, field(server, "database"), field(server, "schema"))
                                .ifPresentDo(name -> datasets.add(new DatasetName("db2://" + namespace, name)))));
            case "trino" ->
                hostPort(server, "trino")
                        .ifPresentDo(namespace -> tables.forEach(table -> qualified(
                                        table, 3, field(server, "catalog"), field(server, "schema"))
                                .ifPresentDo(name -> datasets.add(new DatasetName("trino://" + namespace, name)))));
            case "hive" ->
                hostPort(server, "hive")
                        .ifPresentDo(namespace -> tables.forEach(table -> qualified(table, 2, field(server, "database"))
                                .ifPresentDo(name -> datasets.add(new DatasetName("hive://" + namespace, name)))));
            case "redshift" -> redshift(server, tables, datasets);
            case "snowflake" -> snowflake(server, tables, datasets);
            case "bigquery" ->
                tables.forEach(table -> qualified(table, 3, field(server, "project"), field(server, "dataset"))
                        .ifPresentDo(name -> datasets.add(new DatasetName("bigquery", name))));
            case "databricks", "unity", "unitycatalog" -> {
                String host = host(field(server, "host"));
                if (host != null) {
                    tables.forEach(table -> qualified(table, 3, field(server, "catalog"), field(server, "schema"))
                            .ifPresentDo(name -> datasets.add(new DatasetName("unitycatalog://" + host, name))));
                }
            }
            case "athena" -> {
                String region = firstOf(field(server, "regionName"), field(server, "region"));
                String catalog = firstOf(field(server, "catalog"), "awsdatacatalog");
                if (region != null) {
                    tables.forEach(table -> qualified(table, 3, catalog, field(server, "schema"))
                            .ifPresentDo(name -> datasets.add(
                                    new DatasetName("awsathena://athena." + region + ".amazonaws.com", name))));
                }
            }
            case "glue" -> {
                // ODCS's glue server has no region: a contract gives it as a server custom property.
                String region = firstOf(
                        field(server, "region"),
                        firstOf(field(server, "regionName"), customProperty(server, "region")));
                String account = field(server, "account");
                String database = field(server, "database");
                if (region != null && account != null && database != null) {
                    for (String table : tables) {
                        List<String> parts = parts(table);
                        datasets.add(new DatasetName(
                                "arn:aws:glue:" + region + ":" + account,
                                "table/" + (parts.size() > 1 ? parts.get(parts.size() - 2) : database) + "/"
                                        + parts.getLast()));
                    }
                }
            }
            case "kafka" -> kafka(server, tables, datasets);
            case "s3", "gcs", "azure", "local", "file", "hdfs", "custom" -> {
                String location = firstOf(field(server, "location"), field(server, "path"));
                if (location != null) {
                    datasets.addAll(ofLocation(location, tables));
                }
            }
            default -> {
                // Not a type the naming specification names: no dataset, no error.
            }
        }
        return List.copyOf(datasets);
    }

    /**
     * A file or object location ({@code s3://bucket/orders/*.parquet}, {@code /data/orders}):
     * the dataset is the location up to its first glob, as OpenLineage's file naming has it
     * (object stores name the key without its leading slash, file systems keep it). A {@code
     * {model}} in the location stands for each table.
     */
    static List<DatasetName> ofLocation(String location, List<String> tables) {
        Set<DatasetName> datasets = new LinkedHashSet<>();
        if (location.contains("{model}")) {
            for (String table : tables) {
                DatasetName dataset = location(location.replace("{model}", table));
                if (dataset != null) {
                    datasets.add(dataset);
                }
            }
        } else {
            DatasetName dataset = location(location);
            if (dataset != null) {
                datasets.add(dataset);
            }
            // Azure: the specification's namespace and the one clients build from the URL may differ.
            DatasetName asGiven = azureAsGiven(location);
            if (asGiven != null) {
                datasets.add(asGiven);
            }
        }
        return List.copyOf(datasets);
    }

    private static @Nullable DatasetName location(String location) {
        String path = withoutGlob(location.strip());
        if (path.isEmpty()) {
            return null;
        }
        int schemeEnd = path.indexOf("://");
        if (schemeEnd < 0) {
            String local = path.startsWith("file:") ? path.substring("file:".length()) : path;
            local = trimTrailingSlash(local);
            return local.isEmpty() ? null : new DatasetName("file", local);
        }
        String scheme = path.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = path.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String key = trimTrailingSlash(slash < 0 ? "" : rest.substring(slash + 1));
        if (authority.isEmpty()) {
            return scheme.equals("file") && !key.isEmpty() ? new DatasetName("file", "/" + key) : null;
        }
        return switch (scheme) {
            case "s3", "s3a", "s3n" -> key.isEmpty() ? null : new DatasetName("s3://" + authority, key);
            case "gs" -> key.isEmpty() ? null : new DatasetName("gs://" + authority, key);
            case "hdfs" -> key.isEmpty() ? null : new DatasetName("hdfs://" + authority, "/" + key);
            case "file" -> new DatasetName("file://" + authority, "/" + key);
            case "abfss", "abfs", "wasbs", "wasb", "az" -> azure(scheme, authority, key);
            default -> null;
        };
    }

    /**
     * Azure storage: {@code abfss://{container}@{account}.dfs.core.windows.net} and {@code
     * wasbs://{container}@{account}.dfs.core.windows.net} as the specification writes them. A
     * location without a container before the {@code @} ({@code
     * abfss://account.dfs.core.windows.net/container/path}, ODCS's own example) has it as the
     * first path segment.
     */
    private static @Nullable DatasetName azure(String scheme, String authority, String key) {
        String target = scheme.startsWith("abfs") ? "abfss" : "wasbs";
        String container;
        String host;
        int at = authority.indexOf('@');
        if (at > 0) {
            container = authority.substring(0, at);
            host = authority.substring(at + 1);
        } else {
            int slash = key.indexOf('/');
            container = slash < 0 ? key : key.substring(0, slash);
            key = slash < 0 ? "" : key.substring(slash + 1);
            host = authority;
        }
        int dot = host.indexOf('.');
        String account = dot < 0 ? host : host.substring(0, dot);
        if (container.isEmpty() || account.isEmpty() || key.isEmpty()) {
            return null;
        }
        return new DatasetName(target + "://" + container + "@" + account + ".dfs.core.windows.net", key);
    }

    /** A wasbs location on a blob host, named the way Spark's clients name it (the host as written). */
    private static @Nullable DatasetName azureAsGiven(String location) {
        String path = withoutGlob(location.strip());
        if (!path.toLowerCase(Locale.ROOT).startsWith("wasbs://")) {
            return null;
        }
        String rest = path.substring("wasbs://".length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String authority = rest.substring(0, slash);
        String key = trimTrailingSlash(rest.substring(slash + 1));
        return authority.contains("@") && !key.isEmpty() ? new DatasetName("wasbs://" + authority, key) : null;
    }

    private static void kafka(JsonNode server, List<String> tables, Set<DatasetName> datasets) {
        String bootstrap = field(server, "host");
        if (bootstrap == null) {
            return;
        }
        // A bootstrap list names the same cluster: the first server is the one clients name it by.
        String first = bootstrap.split(",")[0].strip();
        int scheme = first.indexOf("://");
        if (scheme >= 0) {
            first = first.substring(scheme + 3);
        }
        String authority = first.contains(":") ? first : first + ":" + port(server, "kafka");
        if (authority.startsWith(":")) {
            return;
        }
        String topic = field(server, "topic");
        List<String> topics = topic != null ? List.of(topic) : tables;
        topics.forEach(name -> datasets.add(new DatasetName("kafka://" + authority, name)));
    }

    private static void redshift(JsonNode server, List<String> tables, Set<DatasetName> datasets) {
        String host = host(field(server, "host"));
        String region = field(server, "region");
        String cluster = null;
        if (host != null) {
            String[] labels = host.split("\\.");
            for (int i = 2; i < labels.length; i++) {
                if (labels[i].startsWith("redshift")) {
                    cluster = labels[0];
                    region = labels[i - 1];
                    break;
                }
            }
            if (cluster == null && !host.contains(".")) {
                cluster = host;
            }
        }
        if (cluster == null || region == null) {
            return;
        }
        String namespace = "redshift://" + cluster + "." + region + ":" + port(server, "redshift");
        // JDBC clients (Spark) name the endpoint as written: redshift://{host}:{port}.
        String asGiven =
                host != null && host.contains(".") ? "redshift://" + host + ":" + port(server, "redshift") : null;
        for (String table : tables) {
            qualified(table, 3, field(server, "database"), field(server, "schema"))
                    .ifPresentDo(name -> {
                        datasets.add(new DatasetName(namespace, name));
                        if (asGiven != null) {
                            datasets.add(new DatasetName(asGiven, name));
                        }
                    });
        }
    }

    /**
     * Snowflake: {@code snowflake://{account}} with the account as Snowflake identifies it,
     * case-insensitively (written in lower case, without {@code .snowflakecomputing.com}), and
     * names in upper case, as Snowflake resolves unquoted identifiers and its clients report them;
     * a quoted part keeps its case.
     */
    private static void snowflake(JsonNode server, List<String> tables, Set<DatasetName> datasets) {
        String account = field(server, "account");
        if (account == null) {
            return;
        }
        account = account.toLowerCase(Locale.ROOT);
        if (account.endsWith(".snowflakecomputing.com")) {
            account = account.substring(0, account.length() - ".snowflakecomputing.com".length());
        }
        String namespace = "snowflake://" + account;
        String database = field(server, "database");
        String schema = field(server, "schema");
        for (String table : tables) {
            join(
                            rawParts(table).stream()
                                    .map(DatasetNaming::snowflakeCase)
                                    .toList(),
                            3,
                            database == null ? null : snowflakeCase(database),
                            schema == null ? null : snowflakeCase(schema))
                    .ifPresentDo(name -> datasets.add(new DatasetName(namespace, name)));
        }
    }

    private static String snowflakeCase(String part) {
        if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")) {
            return part.substring(1, part.length() - 1).replace("\"\"", "\"");
        }
        return part.toUpperCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- the explicit mapping

    /** What an output port names explicitly, and what is wrong with it (pointers into the product document). */
    record Mapping(List<DatasetName> datasets, List<Violation> violations) {}

    /**
     * The datasets an output port names in its custom property {@code openlineageDatasets}: an
     * array of {@code {"namespace": ..., "name": ...}}.
     *
     * @param portPointer the port's JSON Pointer in the product document ({@code /outputPorts/0})
     */
    static Mapping explicit(JsonNode outputPort, String portPointer) {
        List<DatasetName> datasets = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        JsonNode properties = outputPort.path("customProperties");
        for (int k = 0; k < properties.size(); k++) {
            JsonNode property = properties.get(k);
            if (!MAPPING_PROPERTY.equals(text(property.path("property")))) {
                continue;
            }
            String at = portPointer + "/customProperties/" + k + "/value";
            JsonNode value = property.path("value");
            if (!value.isArray()) {
                violations.add(new Violation(
                        at,
                        "'" + MAPPING_PROPERTY + "' must be a list of datasets, each {\"namespace\": ..., \"name\":"
                                + " ...} as OpenLineage events name them."));
                continue;
            }
            if (value.size() > MAX_MAPPED) {
                violations.add(new Violation(
                        at, "A port maps at most " + MAX_MAPPED + " datasets; this one maps " + value.size() + "."));
                continue;
            }
            for (int j = 0; j < value.size(); j++) {
                JsonNode item = value.get(j);
                String itemAt = at + "/" + j;
                if (!item.isObject()) {
                    violations.add(new Violation(itemAt, "Each dataset is an object with a namespace and a name."));
                    continue;
                }
                String namespace = mappedText(item, "namespace", itemAt, violations);
                String name = mappedText(item, "name", itemAt, violations);
                if (namespace != null && name != null) {
                    datasets.add(new DatasetName(namespace, name));
                }
            }
        }
        return new Mapping(List.copyOf(new LinkedHashSet<>(datasets)), List.copyOf(violations));
    }

    private static @Nullable String mappedText(JsonNode item, String field, String at, List<Violation> violations) {
        JsonNode node = item.path(field);
        if (node.isMissingNode() || node.isNull()) {
            violations.add(new Violation(at + "/" + field, "A dataset needs a " + field + "."));
            return null;
        }
        if (!node.isString()) {
            violations.add(new Violation(at + "/" + field, "The " + field + " must be text."));
            return null;
        }
        String value = node.stringValue();
        if (value.isBlank()) {
            violations.add(new Violation(at + "/" + field, "The " + field + " must not be empty."));
            return null;
        }
        int most = field.equals("namespace") ? MAX_NAMESPACE_BYTES : MAX_NAME_BYTES;
        if (utf8Bytes(value) > most) {
            violations.add(new Violation(
                    at + "/" + field,
                    "The " + field + " is longer than " + most + " bytes (UTF-8), the most a port may map; this one"
                            + " has " + utf8Bytes(value) + "."));
            return null;
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            violations.add(new Violation(at + "/" + field, "The " + field + " must not contain control characters."));
            return null;
        }
        if (!value.equals(value.strip())) {
            violations.add(new Violation(
                    at + "/" + field,
                    "The " + field + " starts or ends with spaces; events name datasets exactly, without them."));
            return null;
        }
        return value;
    }

    // ---------------------------------------------------------------- helpers

    /** A tiny optional whose consumer reads well in the chains above. */
    private record Maybe(@Nullable String value) {
        void ifPresentDo(java.util.function.Consumer<String> action) {
            if (value != null) {
                action.accept(value);
            }
        }
    }

    /** {@code {host}:{port}}, the port defaulting to the type's usual one; empty without a host. */
    private static Maybe hostPort(JsonNode server, String type) {
        String host = host(field(server, "host"));
        if (host == null) {
            return new Maybe(null);
        }
        if (host.contains(":") && !host.startsWith("[")) {
            return new Maybe(host);
        }
        return new Maybe(host + ":" + port(server, type));
    }

    private static String port(JsonNode server, String type) {
        JsonNode port = server.path("port");
        if (port.isIntegralNumber()) {
            return Long.toString(port.longValue());
        }
        String text = text(port);
        if (text != null && text.chars().allMatch(Character::isDigit)) {
            return text;
        }
        Integer fallback = DEFAULT_PORTS.get(type);
        return fallback == null ? "" : fallback.toString();
    }

    /** A host as written, without a scheme or a path someone pasted with it. */
    private static @Nullable String host(@Nullable String host) {
        if (host == null) {
            return null;
        }
        String bare = host;
        int scheme = bare.indexOf("://");
        if (scheme >= 0) {
            bare = bare.substring(scheme + 3);
        }
        int slash = bare.indexOf('/');
        if (slash >= 0) {
            bare = bare.substring(0, slash);
        }
        return bare.isBlank() ? null : bare.toLowerCase(Locale.ROOT);
    }

    /**
     * {@code levels} dot-separated parts: the table's own parts from the right, the server's
     * fields (outermost first) for the rest; empty when a needed field is missing.
     */
    private static Maybe qualified(String table, int levels, @Nullable String... serverParts) {
        return join(parts(table), levels, serverParts);
    }

    private static Maybe join(List<String> tableParts, int levels, @Nullable String... serverParts) {
        List<String> parts = tableParts;
        if (parts.isEmpty()) {
            return new Maybe(null);
        }
        if (parts.size() > levels) {
            parts = parts.subList(parts.size() - levels, parts.size());
        }
        List<String> all = new ArrayList<>();
        int missing = levels - parts.size();
        if (missing > serverParts.length) {
            return new Maybe(null);
        }
        // The server's fields are the outer levels: a table named alone takes all, one named
        // with its schema takes the database only.
        for (int i = 0; i < missing; i++) {
            if (serverParts[i] == null) {
                return new Maybe(null);
            }
            all.add(serverParts[i]);
        }
        all.addAll(parts);
        return new Maybe(String.join(".", all));
    }

    /** A qualified name's parts, without the quotes around a quoted part. */
    private static List<String> parts(String table) {
        return rawParts(table).stream().map(DatasetNaming::unquoted).toList();
    }

    private static String unquoted(String part) {
        if (part.length() >= 2
                && ((part.startsWith("\"") && part.endsWith("\"")) || (part.startsWith("`") && part.endsWith("`")))) {
            return part.substring(1, part.length() - 1);
        }
        return part;
    }

    /** Splits at dots outside quotes ({@code "my.schema".orders} is two parts). */
    private static List<String> rawParts(String table) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : table.strip().toCharArray()) {
            if (quote != 0) {
                current.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
                current.append(c);
            } else if (c == '.') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts.stream().anyMatch(String::isBlank) ? List.of() : parts;
    }

    private static String withoutGlob(String location) {
        int cut = location.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int at = location.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String kept = location.substring(0, cut);
        if (cut < location.length()) {
            // A glob names files in a folder: the dataset is the folder.
            int slash = kept.lastIndexOf('/');
            kept = slash < 0 ? "" : kept.substring(0, slash);
        }
        return trimTrailingSlash(kept);
    }

    private static String trimTrailingSlash(String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static @Nullable String field(JsonNode server, String name) {
        JsonNode node = server.path(name);
        if (node.isNumber()) {
            return node.asString();
        }
        return text(node);
    }

    /** A server's {@code customProperties} entry {@code {property: name, value}} as text, if any. */
    private static @Nullable String customProperty(JsonNode server, String name) {
        for (JsonNode entry : server.path("customProperties")) {
            if (name.equals(text(entry.path("property")))) {
                return text(entry.path("value"));
            }
        }
        return null;
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() && !node.stringValue().isBlank()
                ? node.stringValue().strip()
                : null;
    }

    private static @Nullable String firstOf(@Nullable String first, @Nullable String second) {
        return first != null ? first : second;
    }
}
