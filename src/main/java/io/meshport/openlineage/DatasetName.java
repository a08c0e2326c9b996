package io.meshport.openlineage;

/**
 * A dataset as OpenLineage names it: a namespace saying where it lives ({@code
 * postgres://db.example.com:5432}, {@code kafka://broker:9092}, {@code s3://bucket}, ...) and a
 * name within it ({@code analytics.public.orders}, a topic, a path). See the OpenLineage dataset
 * naming specification and docs/decisions/0030-dataset-naming.md.
 */
public record DatasetName(String namespace, String name) {

    /** How the portal shows it: {@code namespace/name} unless the name is absolute. */
    @Override
    public String toString() {
        return name.startsWith("/") || namespace.endsWith("/") ? namespace + name : namespace + "/" + name;
    }
}
