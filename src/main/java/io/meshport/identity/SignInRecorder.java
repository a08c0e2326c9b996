package io.meshport.identity;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Keeps the user directory current on every successful sign-in and API authentication. */
@Component
class SignInRecorder {

    private final CurrentIdentity currentIdentity;
    private final UserDirectory directory;

    SignInRecorder(CurrentIdentity currentIdentity, UserDirectory directory) {
        this.currentIdentity = currentIdentity;
        this.directory = directory;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        Identity identity = currentIdentity.from(event.getAuthentication());
        if (identity != null) {
            directory.recordSeen(identity);
        }
    }
}
