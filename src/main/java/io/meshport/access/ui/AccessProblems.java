package io.meshport.access.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.meshport.system.ClientProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/** What the service's refusals say to a person; the same words the API's problem documents carry. */
final class AccessProblems {

    private AccessProblems() {}

    /** The message of a refusal the person caused, or null for a fault of the portal's own. */
    static @Nullable String message(RuntimeException e) {
        if (e instanceof ClientProblem problem) {
            return problem.detail();
        }
        if (e instanceof AccessDeniedException) {
            return "You may not do this: " + e.getMessage();
        }
        return null;
    }

    /** Runs the step, telling the person why when the service refuses it; true when it was done. */
    static boolean attempt(Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException e) {
            String message = message(e);
            if (message == null) {
                throw e;
            }
            Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }
}
