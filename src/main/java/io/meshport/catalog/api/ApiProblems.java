package io.meshport.catalog.api;

import io.meshport.catalog.CatalogConflictException;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.NotInCatalogException;
import io.meshport.catalog.Violation;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the API as RFC 9457 problem documents. Bad input of any kind is a 4xx with the
 * reasons; validation problems list a {pointer, message} per violation.
 */
@RestControllerAdvice(assignableTypes = {CatalogApi.class})
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidDocumentException e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "invalid-document", e.getMessage(), summary(e.violations()));
        problem.setProperty("errors", e.violations());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "not-an-owner", "Not allowed", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotInCatalogException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not in the catalog", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(CatalogConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
    }

    /** Two writers at the same moment: the database noticed what the revision check could not. */
    @ExceptionHandler({ObjectOptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    ProblemDetail concurrent(RuntimeException e) {
        log.info("Concurrent write refused: {}", e.getMessage());
        return problem(
                HttpStatus.CONFLICT,
                "conflict",
                "Conflict",
                "Someone else changed this at the same time; reload and retry.");
    }

    @ExceptionHandler
    ProblemDetail tooLarge(DocumentTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Document too large", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unsupported(HttpMediaTypeNotSupportedException e) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported media type",
                e.getMessage() != null && e.getMessage().startsWith("Send")
                        ? e.getMessage()
                        : "Send the document as application/json or application/yaml.");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    private static String summary(List<Violation> violations) {
        if (violations.size() == 1) {
            Violation only = violations.getFirst();
            return (only.pointer().isEmpty() ? "" : only.pointer() + ": ") + only.message();
        }
        return violations.size() + " problems; see errors.";
    }
}
