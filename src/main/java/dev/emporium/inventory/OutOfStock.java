package dev.emporium.inventory;

import dev.emporium.platform.web.Problems;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Some lines of a reservation cannot be served; answers as a 409 problem listing the variants that are short. */
public final class OutOfStock extends ErrorResponseException {

    private final List<UUID> variantIds;

    public OutOfStock(List<UUID> variantIds) {
        super(HttpStatus.CONFLICT, problem(variantIds), null);
        this.variantIds = List.copyOf(variantIds);
    }

    public List<UUID> variantIds() {
        return variantIds;
    }

    private static ProblemDetail problem(List<UUID> variantIds) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "out-of-stock", variantIds.size() == 1
                ? "One item is not available in the quantity asked for."
                : variantIds.size() + " items are not available in the quantities asked for.");
        problem.setProperty("variantIds", List.copyOf(variantIds));
        return problem;
    }
}
