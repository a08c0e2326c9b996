package io.meshport.system;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one answer to every error of the REST API: an RFC 9457 problem document with the right
 * status. A feature's exceptions say their own status ({@link ClientProblem}); Spring MVC's own
 * (405, 406, 415, a bad parameter type, ...) come through {@link ResponseEntityExceptionHandler};
 * anything else is a fault of the portal: a 500 whose {@code id} is also in the log, logged once.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> any(Exception e) {
        if (e instanceof ClientProblem client) {
            return answer(Problems.of(client));
        }
        if (e instanceof AccessDeniedException) {
            return answer(Problems.of(HttpStatus.FORBIDDEN, "not-an-owner", "Not allowed", e.getMessage()));
        }
        if (e instanceof AuthenticationException) {
            return answer(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Not signed in", e.getMessage()));
        }
        if (e instanceof OptimisticLockingFailureException) {
            return answer(concurrentWrite(e));
        }
        if (e instanceof DataIntegrityViolationException) {
            return answer(integrity(e));
        }
        if (e instanceof PessimisticLockingFailureException) {
            // Concurrent writers kept each other waiting (a deadlock or a lock timeout) even after
            // the service's own retries: nothing was stored, and the same request later will do.
            log.warn("Lock conflict left unresolved after retries: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "busy",
                            "Busy",
                            "Concurrent writes of the same data kept this one waiting; nothing was stored. Send it"
                                    + " again."));
        }
        return answer(fault(e));
    }

    /** Two writers at the same moment: the database noticed what the revision check could not. */
    private static ProblemDetail concurrentWrite(Exception e) {
        log.info("Concurrent write refused: {}", e.getMessage());
        return Problems.of(
                HttpStatus.CONFLICT,
                "conflict",
                "Conflict",
                "Someone else changed this at the same time; reload and retry.");
    }

    /**
     * Only a unique key taken by a concurrent write of the same thing is a conflict. A value the
     * database cannot store (SQL state class 22) should have been refused by validation already: a
     * 400 all the same, since the request caused it. Anything else is a fault.
     */
    private static ProblemDetail integrity(Exception e) {
        String state = sqlState(e);
        if ("23505".equals(state)) {
            return concurrentWrite(e);
        }
        if (state != null && state.startsWith("22")) {
            log.warn("A value the database cannot store got past validation: {}", e.getMessage());
            return Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "Invalid request",
                    "The request holds a value that cannot be stored (a NUL character, an unpaired surrogate or a"
                            + " number out of range).");
        }
        return fault(e);
    }

    /** A fault of the portal: logged once with an id, which the answer carries. */
    static ProblemDetail fault(Throwable e) {
        String id = UUID.randomUUID().toString();
        log.error("Server fault {} answering an API request", id, e);
        ProblemDetail problem = Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "server-fault",
                "Server fault",
                "Something went wrong in the portal. The operators can find it in the log under id " + id + ".");
        problem.setProperty("id", id);
        return problem;
    }

    private static @Nullable String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    // ------------------------------------------------------------ Spring MVC's own exceptions

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientProblem client) {
                ProblemDetail problem = Problems.of(client);
                return handleExceptionInternal(e, problem, headers, HttpStatusCode.valueOf(client.status()), request);
            }
        }
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Unreadable request body",
                "The request body is unreadable.");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<MediaType> supported = e.getSupportedMediaTypes();
        String detail = e.getMessage() != null && e.getMessage().startsWith("Send")
                ? e.getMessage()
                : supported.isEmpty()
                        ? "This endpoint takes no request body of this type."
                        : "Send the body as "
                                + String.join(
                                        " or ",
                                        supported.stream()
                                                .map(MediaType::toString)
                                                .toList())
                                + ".";
        ProblemDetail problem = Problems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", detail);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers);
        answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, answer, status);
    }
}
