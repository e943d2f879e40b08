package dev.emporium.catalog.admin;

import dev.emporium.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/** Bulk import; see {@link ProductImport}. */
@RestController
@Tag(name = "Catalog administration")
@SecurityRequirement(name = "bearer")
class ProductImportController {

    private final ProductImport productImport;

    ProductImportController(ProductImport productImport) {
        this.productImport = productImport;
    }

    @PostMapping(path = "/api/v1/admin/catalog/products/import", consumes = {"application/x-ndjson", "application/jsonl"})
    @Operation(summary = "Import products from JSON lines",
            description = "Each line: {\"product\": {...same as create...}, \"status\": \"draft|published|archived\"}. "
                    + "A line whose slug exists replaces that product. Lines are imported whole or not at all; "
                    + "with any failed line the answer is 422 listing them, and the valid lines are imported.")
    ProductImport.Report importProducts(@RequestBody String body) {
        ProductImport.Report report = productImport.run(body);
        if (report.failed() == 0) {
            return report;
        }
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "import-lines-failed",
                report.failed() + " line(s) failed and were not imported; the others were.");
        problem.setProperty("created", report.created());
        problem.setProperty("updated", report.updated());
        problem.setProperty("failed", report.failed());
        problem.setProperty("errors", report.errors());
        throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }
}
