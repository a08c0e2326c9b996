package io.meshport.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real fault of the portal under /api is a 500 problem whose id is in the log, logged once;
 * what a filter answers with sendError or a bare status is a problem too.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerFaultTest {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @Test
    void a_fault_in_an_endpoint_is_a_500_problem_with_an_id_logged_once(CapturedOutput output) {
        var answer = new ApiProblems().any(new IllegalStateException("the disk is on fire"));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        String id = (String) answer.getBody().getProperties().get("id");
        assertThat(answer.getBody().getDetail()).contains(id).doesNotContain("disk");
        assertThat(count(output.getAll(), id)).isEqualTo(1);
        assertThat(output.getAll()).contains("the disk is on fire");
    }

    @Test
    void a_fault_escaping_the_filter_chain_is_a_500_problem_with_an_id_logged_once(CapturedOutput output)
            throws Exception {
        MockHttpServletResponse response = run((request, response1) -> {
            throw new IllegalStateException("a filter broke");
        });
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        Matcher id = ID.matcher(response.getContentAsString());
        assertThat(id.find()).as(response.getContentAsString()).isTrue();
        assertThat(count(output.getAll(), id.group(1))).isEqualTo(1);
    }

    @Test
    void send_error_and_a_bare_status_become_problems() throws Exception {
        MockHttpServletResponse sent =
                run((request, response) -> ((HttpServletResponse) response).sendError(405, "Method not allowed"));
        assertThat(sent.getStatus()).isEqualTo(405);
        assertThat(sent.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(sent.getContentAsString());
        assertThat(problem.path("status").asInt()).isEqualTo(405);

        MockHttpServletResponse bare = run((request, response) -> ((HttpServletResponse) response).setStatus(401));
        assertThat(bare.getStatus()).isEqualTo(401);
        assertThat(bare.getContentType()).startsWith("application/problem+json");
    }

    private static MockHttpServletResponse run(FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/anything");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ApiRequestFilter(65536, 1000).doFilter(request, response, chain);
        return response;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
