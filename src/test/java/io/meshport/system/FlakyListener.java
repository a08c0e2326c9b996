package io.meshport.system;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A listener like the portal's own that fails while told to: what {@link EventRetryTest} makes
 * fail. It hears only its own test event, so nothing else in the shared test portal notices it.
 */
@Component
class FlakyListener {

    record Happened(String id) {}

    // Static: the bean the test is given is a proxy (the listener is asynchronous and transactional).
    static final AtomicBoolean failing = new AtomicBoolean();
    static final List<String> attempts = new CopyOnWriteArrayList<>();
    static final List<String> handled = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(Happened event) {
        attempts.add(event.id());
        if (failing.get()) {
            throw new IllegalStateException("Failing on purpose for " + event.id());
        }
        handled.add(event.id());
    }
}
