package io.meshport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Meshport: a self-serve data mesh portal.
 *
 * <p>The authorization-server auto-configuration is excluded by name because the development
 * identity provider (test classpath only) brings it along; the portal is always a client and a
 * resource server, never a provider.
 */
@SpringBootApplication(
        excludeName = {
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"
        })
@ConfigurationPropertiesScan
public class MeshportApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeshportApplication.class, args);
    }
}
