package io.meshport.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error page of an API request is a problem document too. The container dispatches to its
 * error page for what it answers itself, for instance 408 when a body stops arriving; for {@code
 * /api} that page is written here instead of the HTML or JSON of the UI's error page.
 */
final class ApiErrorPageFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)
                || !uri.startsWith(request.getContextPath() + ApiConfiguration.API);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        Throwable exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        ProblemDetail problem;
        if (exception instanceof ClientProblem client) {
            problem = Problems.of(client);
        } else if (status == 408) {
            problem = Problems.of(new RequestBodyTimeoutException(exception));
        } else if (status >= 500) {
            problem = ApiProblems.fault(exception != null ? exception : new IllegalStateException("Error " + status));
        } else {
            HttpStatus known = HttpStatus.resolve(status);
            problem = Problems.of(
                    known == null ? HttpStatus.BAD_REQUEST : known,
                    known == null
                            ? "error"
                            : known.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    known == null ? "Error " + status : known.getReasonPhrase(),
                    null);
        }
        response.setStatus(status);
        Problems.write(response, problem);
    }
}
