package io.meshport.sla.api;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.NotInCatalogException;
import io.meshport.catalog.Violation;
import io.meshport.sla.ObservationConflictException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The SLA API's errors as RFC 9457 problem documents, shaped like the catalog API's. */
@RestControllerAdvice(assignableTypes = {ObservationApi.class})
class SlaProblems {

    @ExceptionHandler
    ProblemDetail invalid(InvalidDocumentException e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage(), summary(e.violations()));
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
    ProblemDetail conflict(ObservationConflictException e) {
        ProblemDetail problem =
                problem(HttpStatus.CONFLICT, "conflict", "Observation already recorded", e.getMessage());
        problem.setProperty("ids", e.ids());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unsupported(HttpMediaTypeNotSupportedException e) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported media type",
                "Send the observations as application/json.");
    }

    private static String summary(List<Violation> violations) {
        if (violations.size() == 1) {
            Violation only = violations.getFirst();
            return (only.pointer().isEmpty() ? "" : only.pointer() + ": ") + only.message();
        }
        return violations.size() + " problems; see errors.";
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
