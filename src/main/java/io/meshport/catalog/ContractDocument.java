package io.meshport.catalog;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** An ODCS data contract document together with the values the portal reads from it. */
record ContractDocument(
        StandardDocuments.Parsed parsed,
        String json,
        String apiVersion,
        String id,
        @Nullable String name,
        String version,
        String status,
        @Nullable String domain,
        @Nullable String dataProduct,
        @Nullable String teamName,
        List<SlaProperty> slaProperties,
        List<SchemaField> schemaFields) {

    static ContractDocument of(StandardDocuments.Parsed parsed, String json) {
        JsonNode document = parsed.tree();
        List<SlaProperty> sla = new ArrayList<>();
        for (JsonNode property : document.path("slaProperties")) {
            sla.add(new SlaProperty(
                    orEmpty(scalar(property.path("property"))),
                    scalar(property.path("value")),
                    scalar(property.path("valueExt")),
                    scalar(property.path("unit")),
                    scalar(property.path("element")),
                    scalar(property.path("driver"))));
        }
        List<SchemaField> fields = new ArrayList<>();
        for (JsonNode object : document.path("schema")) {
            String objectName = scalar(object.path("name"));
            for (JsonNode property : object.path("properties")) {
                String name = scalar(property.path("name"));
                if (name == null) {
                    continue;
                }
                fields.add(new SchemaField(
                        objectName,
                        name,
                        scalar(property.path("logicalType")),
                        scalar(property.path("physicalType")),
                        property.path("required").asBoolean(false),
                        property.path("primaryKey").asBoolean(false),
                        scalar(property.path("classification")),
                        scalar(property.path("description"))));
            }
        }
        // ODCS 3.1 has a team object with a name; 3.0.x has a list of members and no team name.
        JsonNode team = document.path("team");
        return new ContractDocument(
                parsed,
                json,
                orEmpty(scalar(document.path("apiVersion"))),
                orEmpty(scalar(document.path("id"))),
                scalar(document.path("name")),
                orEmpty(scalar(document.path("version"))),
                orEmpty(scalar(document.path("status"))),
                scalar(document.path("domain")),
                scalar(document.path("dataProduct")),
                team.isObject() ? scalar(team.path("name")) : null,
                List.copyOf(sla),
                List.copyOf(fields));
    }

    /** Text of a scalar (strings, numbers, booleans); null for missing, blank or structured. */
    static @Nullable String scalar(JsonNode node) {
        if (node.isString()) {
            return node.stringValue().isBlank() ? null : node.stringValue().strip();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asString();
        }
        return null;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
