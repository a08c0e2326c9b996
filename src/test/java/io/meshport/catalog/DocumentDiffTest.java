package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which fields a change changed, as a reader wants to see them. */
class DocumentDiffTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void nested_fields_are_named_by_their_path() {
        assertThat(diff(
                        "{\"description\":{\"purpose\":\"old\"},\"version\":\"1.0.0\"}",
                        "{\"description\":{\"purpose\":\"new text\"},\"version\":\"1.1.0\"}"))
                .containsExactly("description.purpose: old → \"new text\"", "version: 1.0.0 → 1.1.0");
    }

    @Test
    void a_port_inserted_before_others_is_one_port_added_not_every_port_changed() {
        assertThat(diff(
                        "{\"outputPorts\":[{\"name\":\"a\",\"version\":\"1\"},{\"name\":\"b\",\"version\":\"1\"}]}",
                        "{\"outputPorts\":[{\"name\":\"new\",\"version\":\"1\"},{\"name\":\"a\",\"version\":\"1\"},"
                                + "{\"name\":\"b\",\"version\":\"2\"}]}"))
                .containsExactly(
                        "outputPorts[0]: (none) → {\"name\":\"new\",\"version\":\"1\"}",
                        "outputPorts[2].version: \"1\" → \"2\"");
    }

    @Test
    void lists_of_plain_values_read_as_one_value_and_removed_fields_as_none() {
        assertThat(diff("{\"tags\":[\"a\",\"b\"],\"domain\":\"sales\"}", "{\"tags\":[\"a\",\"b\",\"c\"]}"))
                .containsExactly("tags: [\"a\",\"b\"] → [\"a\",\"b\",\"c\"]", "domain: sales → (none)");
    }

    @Test
    void numbers_and_single_words_read_as_themselves_and_long_values_are_shortened() {
        String longText = "x".repeat(500);
        assertThat(diff("{\"a\":1,\"b\":true,\"c\":\"" + longText + "\"}", "{\"a\":2,\"b\":false,\"c\":\"y\"}"))
                .containsExactly(
                        "a: 1 → 2", "b: true → false", "c: " + "x".repeat(DocumentDiff.MAX_VALUE_LENGTH - 1) + "… → y");
    }

    @Test
    void text_that_could_be_taken_for_another_value_is_quoted() {
        assertThat(diff("{\"v\":\"1.0\",\"w\":\"two words\"}", "{\"v\":\"true\",\"w\":\"\"}"))
                .containsExactly("v: \"1.0\" → \"true\"", "w: \"two words\" → \"\"");
    }

    @Test
    void the_same_data_is_no_change() {
        assertThat(diff("{\"a\":{\"b\":[1,2]},\"c\":\"d\"}", "{\"c\":\"d\",\"a\":{\"b\":[1,2]}}"))
                .isEmpty();
    }

    private static java.util.List<String> diff(String before, String after) {
        JsonNode a = JSON.readTree(before);
        JsonNode b = JSON.readTree(after);
        return DocumentDiff.between(a, b).stream().map(FieldChange::toString).toList();
    }
}
