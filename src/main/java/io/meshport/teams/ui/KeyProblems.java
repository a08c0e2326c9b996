package io.meshport.teams.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.meshport.system.ClientProblem;
import org.springframework.security.access.AccessDeniedException;

/** A refusal of the service, said to the person in the words the API's problem documents carry. */
final class KeyProblems {

    private KeyProblems() {}

    /** Runs the step; when the service refuses it, says why and answers false. */
    static boolean attempt(Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException e) {
            String message = e instanceof ClientProblem problem
                    ? problem.detail()
                    : e instanceof AccessDeniedException ? "You may not do this: " + e.getMessage() : null;
            if (message == null) {
                throw e;
            }
            Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }
}
