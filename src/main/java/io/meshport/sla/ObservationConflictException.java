package io.meshport.sla;

import io.meshport.system.ClientProblem;
import java.util.List;
import java.util.Map;

/** Observation ids already stored with other content; nothing of the batch was stored. Maps to 409. */
public class ObservationConflictException extends RuntimeException implements ClientProblem {

    private final List<String> ids;

    public ObservationConflictException(List<String> ids) {
        super("Observation id" + (ids.size() == 1 ? " " : "s ") + String.join(", ", ids)
                + (ids.size() == 1 ? " is" : " are")
                + " already recorded with different content; an observation cannot be changed. Nothing was stored.");
        this.ids = List.copyOf(ids);
    }

    public List<String> ids() {
        return ids;
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String problemType() {
        return "conflict";
    }

    @Override
    public String title() {
        return "Observation already recorded";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("ids", ids);
    }
}
