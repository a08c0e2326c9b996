package io.meshport.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading events against the official schema, without the portal: every sample is valid, the
 * three shapes are told apart, and a violation names its field in words.
 */
class EventReaderTest {

    final EventReader reader = new EventReader(new EventSchema());
    final Instant t0 = Instant.parse("2026-11-22T06:00:00Z");

    @Test
    void every_sample_event_is_valid_against_the_official_schema() {
        for (String file : List.of(
                "event_full.json",
                "event_required_only.json",
                "event_simple.json",
                "serde_example_run_event.json",
                "serde_example_job_event.json",
                "serde_example_dataset_event.json",
                "spec_example_full_event.json")) {
            assertThat(reader.read(TestEvents.resource("openlineage/" + file).getBytes(StandardCharsets.UTF_8)))
                    .as(file)
                    .hasSize(1);
        }
    }

    @Test
    void the_three_shapes_are_told_apart() {
        String batch = TestEvents.array(
                TestEvents.run("START", UUID.randomUUID(), "ns", "job", t0, List.of("a"), List.of("b")),
                TestEvents.job("ns", "job", t0, List.of("a"), List.of("b")),
                TestEvents.dataset("ns", "a", t0));
        assertThat(reader.read(batch.getBytes(StandardCharsets.UTF_8)))
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("RunEvent", "JobEvent", "DatasetEvent");
    }

    @Test
    void the_data_quality_assertions_of_an_input_are_read() {
        ObjectNode run = TestEvents.run("COMPLETE", UUID.randomUUID(), "ns", "job", t0, List.of("a"), List.of());
        TestEvents.withAssertions(run, 0, "not_null", false, "id");
        LineageEvent.RunEvent read =
                (LineageEvent.RunEvent) reader.read(TestEvents.json(run).getBytes(StandardCharsets.UTF_8))
                        .getFirst();
        assertThat(read.inputs().getFirst().assertions())
                .containsExactly(new PortDataset.QualityAssertion("not_null", false, "id"));
        assertThat(read.eventTime()).isEqualTo(t0);
        assertThat(read.state()).isEqualTo(RunState.COMPLETE);
    }

    @Test
    void a_missing_field_is_named_in_words_at_its_pointer() {
        ObjectNode run = TestEvents.run("START", UUID.randomUUID(), "ns", "job", t0, List.of(), List.of());
        run.remove("producer");
        assertThatThrownBy(() -> reader.read(TestEvents.json(run).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidDocumentException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/producer");
                    assertThat(e.violations().getFirst().message())
                            .contains("producer")
                            .doesNotStartWith("$");
                });
    }

    @Test
    void an_event_that_fits_two_shapes_of_the_schemas_one_of_is_refused() {
        // A job and a dataset but no run: both a JobEvent and a DatasetEvent, so not exactly one.
        ObjectNode both = TestEvents.job("ns", "job", t0, List.of(), List.of());
        both.putObject("dataset").put("namespace", "ns").put("name", "d");
        assertThatThrownBy(() -> reader.read(TestEvents.json(both).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidDocumentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::message)
                        .singleElement()
                        .asString()
                        .contains("exactly one"));
    }

    @Test
    void an_event_time_without_an_offset_is_utc_and_one_with_an_offset_is_that_instant() {
        ObjectNode run = TestEvents.run("START", UUID.randomUUID(), "ns", "job", t0, List.of(), List.of());
        run.put("eventTime", "2026-11-22T06:00:00.000");
        assertThat(reader.read(TestEvents.json(run).getBytes(StandardCharsets.UTF_8))
                        .getFirst()
                        .eventTime())
                .isEqualTo(t0);
        run.put("eventTime", "2026-11-22T16:00:00+10:00");
        assertThat(reader.read(TestEvents.json(run).getBytes(StandardCharsets.UTF_8))
                        .getFirst()
                        .eventTime())
                .isEqualTo(t0);
    }
}
