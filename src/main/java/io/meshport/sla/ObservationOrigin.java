package io.meshport.sla;

import org.jspecify.annotations.Nullable;

/**
 * Where an observation came from: posted to the observations API by {@code recordedBy}, or
 * derived from a run event of OpenLineage job {@code job} (namespace/name), run {@code runId},
 * which {@code recordedBy} sent.
 */
public record ObservationOrigin(
        Source source, @Nullable String job, @Nullable String runId, String recordedBy) {

    /** How an observation reached the portal; the wire name is the database's and the API's. */
    public enum Source {
        API,
        OPENLINEAGE;

        public String wireName() {
            return this == API ? "api" : "openlineage";
        }

        static Source fromWire(String text) {
            return "openlineage".equals(text) ? OPENLINEAGE : API;
        }
    }

    static ObservationOrigin posted(String by) {
        return new ObservationOrigin(Source.API, null, null, by);
    }

    static ObservationOrigin run(String job, String runId, String by) {
        return new ObservationOrigin(Source.OPENLINEAGE, job, runId, by);
    }

    /** In words, as the SLA tab shows it: "posted by sales-ci" or "run of job ns/name 0192...". */
    public String describe() {
        return source == Source.API ? "posted by " + recordedBy : "run of job " + job + " " + runId;
    }
}
