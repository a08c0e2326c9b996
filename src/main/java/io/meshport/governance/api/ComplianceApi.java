package io.meshport.governance.api;

import io.meshport.governance.GovernanceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How a data product stands with the global policies, and the trust score that follows, for every signed-in caller. */
@RestController
@RequestMapping("/api/v1/data-products")
@Tag(name = "Policies")
@SecurityRequirement(name = "bearer")
class ComplianceApi {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final GovernanceService governance;

    ComplianceApi(GovernanceService governance) {
        this.governance = governance;
    }

    @Operation(
            summary = "Each enabled policy's result for a data product",
            description = "Violations first, then by title: [{policy, passed, message, exemptUntil?}] as the spec"
                    + " says, with the policy's title, severity, mode, enforceOn and path, since when the result is"
                    + " what it is, when it was evaluated, and, while exempt, exemptUntil and exemptionReason. An"
                    + " exempt product passes; its message still says what is wrong.",
            responses = {
                @ApiResponse(responseCode = "200", description = "the results; empty when no policy covers it"),
                @ApiResponse(responseCode = "404", description = "no such data product")
            })
    @GetMapping(
            value = "/{id}/compliance",
            produces = {JSON, PROBLEM})
    List<ComplianceResponse> compliance(@PathVariable String id) {
        return governance.compliance(id).stream().map(ComplianceResponse::of).toList();
    }

    @Operation(
            summary = "A data product's trust score, explained point by point",
            description = "0 to 100: policies kept (40), service levels met (20), review current (15), documentation"
                    + " complete (15), agreements honoured (10), each with its reason. A product not evaluated yet"
                    + " answers score null and no points.",
            responses = {
                @ApiResponse(responseCode = "200", description = "the score and its points"),
                @ApiResponse(responseCode = "404", description = "no such data product")
            })
    @GetMapping(
            value = "/{id}/trust",
            produces = {JSON, PROBLEM})
    TrustResponse trust(@PathVariable String id) {
        return governance.trust(id).map(TrustResponse::of).orElseGet(TrustResponse::none);
    }
}
