package io.meshport.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of {@code /api/**}, before security: checks the query string, bounds the
 * body, and makes sure that every answer is a problem document — including those written with
 * {@code sendError} or with a bare status by filters, and faults that escape everything else
 * (logged once, with the id the answer carries).
 */
final class ApiRequestFilter extends OncePerRequestFilter {

    private final long defaultBodyLimit;
    private final int maxParameters;

    ApiRequestFilter(long defaultBodyLimit, int maxParameters) {
        this.defaultBodyLimit = defaultBodyLimit;
        this.maxParameters = maxParameters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<QueryString.Problem> query = QueryString.check(request.getQueryString(), maxParameters);
        if (!query.isEmpty()) {
            ProblemDetail problem = Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "Invalid query",
                    query.size() == 1 ? query.getFirst().message() : query.size() + " problems; see errors.");
            problem.setProperty("errors", query);
            Problems.write(response, problem);
            return;
        }
        BoundedRequest bounded = new BoundedRequest(request, defaultBodyLimit);
        ProblemOnError answer = new ProblemOnError(response);
        try {
            chain.doFilter(bounded, answer);
        } catch (RequestBodyTooLargeException | RequestBodyTimeoutException e) {
            Problems.write(response, Problems.of((ClientProblem) e));
            return;
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            Problems.write(response, ApiProblems.fault(e));
            return;
        }
        answer.finish();
    }

    /**
     * Turns {@code sendError} and a bare error status with no body into a problem document, once
     * the chain is done.
     */
    private static final class ProblemOnError extends HttpServletResponseWrapper {

        private @Nullable Integer error;
        private @Nullable String message;
        private boolean bodyWritten;

        ProblemOnError(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status, String message) {
            this.error = status;
            this.message = message;
            setStatus(status);
        }

        @Override
        public void sendError(int status) {
            sendError(status, null);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyWritten = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyWritten = true;
            return super.getWriter();
        }

        void finish() throws IOException {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            int status = error != null ? error : response.getStatus();
            if (status < 400 || response.isCommitted() || (error == null && bodyWritten)) {
                return;
            }
            HttpStatusCode code = HttpStatusCode.valueOf(status);
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error " + status : known.getReasonPhrase();
            Problems.write(
                    response,
                    Problems.of(
                            code,
                            known == null ? "error" : slug(known),
                            title,
                            message == null || message.isBlank() ? null : message));
        }

        private static String slug(HttpStatus status) {
            return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
