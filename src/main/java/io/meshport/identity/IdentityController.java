package io.meshport.identity;

import java.util.SortedSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who a token acts as. Pipelines use it to check that their token carries
 * the team they publish for.
 */
@RestController
class IdentityController {

    record Me(
            String issuer,
            String subject,
            String username,
            String displayName,
            SortedSet<String> teams,
            boolean admin) {}

    private final CurrentIdentity currentIdentity;

    IdentityController(CurrentIdentity currentIdentity) {
        this.currentIdentity = currentIdentity;
    }

    @GetMapping("/api/v1/me")
    Me me() {
        Identity identity = currentIdentity.require();
        return new Me(
                identity.issuer(),
                identity.subject(),
                identity.username(),
                identity.displayName(),
                identity.teams(),
                identity.admin());
    }
}
