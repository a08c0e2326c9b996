package io.meshport.lineage.api;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.NotInCatalogException;
import io.meshport.catalog.Violation;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The lineage API's errors as RFC 9457 problem documents, shaped like the catalog API's. */
@RestControllerAdvice(assignableTypes = {LineageApi.class})
class LineageProblems {

    @ExceptionHandler
    ProblemDetail invalid(InvalidDocumentException e) {
        Violation first = e.violations().getFirst();
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                e.getMessage(),
                e.violations().size() == 1 ? first.message() : e.violations().size() + " problems; see errors.");
        problem.setProperty("errors", e.violations());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotInCatalogException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not in the catalog", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
