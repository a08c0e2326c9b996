package io.meshport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Teams from the groups claim as Keycloak writes it with full paths: groups of the same name
 * under different parents stay different teams, and the admin group matches either spelling.
 */
class TeamClaimsTest {

    @Test
    void same_named_groups_under_different_parents_are_different_teams() {
        TeamClaims claims = claims("mesh-admins");
        assertThat(claims.teams(Map.of("groups", List.of("/org-a/sales", "/org-b/sales"))))
                .containsExactly("org-a/sales", "org-b/sales");
    }

    @Test
    void a_top_level_group_is_the_team_of_its_name_with_or_without_the_slash() {
        TeamClaims claims = claims("mesh-admins");
        assertThat(claims.teams(Map.of("groups", List.of("/sales", "marketing"))))
                .containsExactly("sales", "marketing");
        assertThat(claims.teams(Map.of("groups", "/finance /org-a/sales"))).containsExactly("finance", "org-a/sales");
    }

    @Test
    void the_admin_group_matches_its_path_or_its_name_but_not_a_namesake_elsewhere() {
        for (String configured : List.of("mesh-admins", "/mesh-admins")) {
            TeamClaims claims = claims(configured);
            assertThat(claims.isAdmin(claims.teams(Map.of("groups", List.of("/mesh-admins")))))
                    .as(configured)
                    .isTrue();
            assertThat(claims.isAdmin(claims.teams(Map.of("groups", List.of("mesh-admins")))))
                    .as(configured)
                    .isTrue();
            assertThat(claims.isAdmin(claims.teams(Map.of("groups", List.of("/org-b/mesh-admins")))))
                    .as(configured)
                    .isFalse();
        }
        TeamClaims nested = claims("/org-a/mesh-admins");
        assertThat(nested.isAdmin(nested.teams(Map.of("groups", List.of("/org-a/mesh-admins")))))
                .isTrue();
        assertThat(nested.isAdmin(nested.teams(Map.of("groups", List.of("/org-b/mesh-admins")))))
                .isFalse();
    }

    @Test
    void authorities_name_the_full_team() {
        TeamClaims claims = claims("mesh-admins");
        assertThat(claims.authorities(Map.of("groups", List.of("/org-a/sales"))))
                .extracting(Object::toString)
                .contains("TEAM_org-a/sales")
                .doesNotContain("TEAM_sales");
    }

    /** Bound as the portal binds its environment (MESHPORT_ADMIN_GROUP and so on). */
    private static TeamClaims claims(String adminGroup) {
        Map<String, String> environment = Map.of(
                "meshport.oidc.issuer-uri", "http://idp.example",
                "meshport.oidc.client-id", "meshport",
                "meshport.admin-group", adminGroup);
        return new TeamClaims(new Binder(new MapConfigurationPropertySource(environment))
                .bind("meshport", IdentityProperties.class)
                .get());
    }
}
