package io.meshport.openlineage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears every {@link RunObserved} the ingest publishes, synchronously as the other modules'
 * listeners do; tests pick theirs by their own job namespace.
 */
@Component
class RunsHeard {

    private static final List<RunObserved> heard = new CopyOnWriteArrayList<>();

    @EventListener
    void on(RunObserved run) {
        heard.add(run);
    }

    static List<RunObserved> of(String jobNamespace) {
        return heard.stream()
                .filter(run -> run.jobNamespace().equals(jobNamespace))
                .toList();
    }
}
