package io.meshport.catalog;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A version's semantic changes as the {@code contract_version.changes} column keeps them. */
final class ContractChanges {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<List<ContractChange>> LIST = new TypeReference<>() {};

    private ContractChanges() {}

    static String write(List<ContractChange> changes) {
        return JSON.writeValueAsString(changes);
    }

    /** The changes; none when the column holds something this version of the code cannot read. */
    static List<ContractChange> read(String json) {
        try {
            return List.copyOf(JSON.readValue(json, LIST));
        } catch (JacksonException e) {
            return List.of();
        }
    }
}
