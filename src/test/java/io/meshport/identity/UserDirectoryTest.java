package io.meshport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestInfrastructure;
import io.meshport.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MeshportTest
class UserDirectoryTest {

    @Autowired
    UserDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void users_are_keyed_by_issuer_and_subject_and_refreshed_on_change() {
        Identity first = Identity.of("https://a.example", "u-1", "erin", "Erin", Set.of("sales"), false);
        long id = directory.record(first);
        Identity renamed =
                Identity.of("https://a.example", "u-1", "erin.e", "Erin E.", Set.of("sales", "finance"), false);
        assertThat(directory.record(renamed)).isEqualTo(id);

        Identity sameSubjectElsewhere = Identity.of("https://b.example", "u-1", "erin", "Erin", Set.of(), false);
        assertThat(directory.record(sameSubjectElsewhere)).isNotEqualTo(id);

        Map<String, Object> row = jdbc.sql(
                        "select username, display_name, array_to_string(teams, ',') as teams from app_user where id = ?")
                .param(id)
                .query()
                .singleRow();
        assertThat(row).containsEntry("username", "erin.e").containsEntry("display_name", "Erin E.");
        assertThat(String.valueOf(row.get("teams"))).isEqualTo("finance,sales");
    }

    @Test
    void an_api_call_records_its_caller() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(TestInfrastructure.portalUrl() + "/api/v1/me"))
                                .header("Authorization", "Bearer " + Tokens.forPipeline("marketing-ci"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from app_user where issuer = ? and username = 'marketing-ci'")
                        .param(TestInfrastructure.issuer())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
