package dev.emporium.catalog.admin;

import dev.emporium.catalog.ProductStatus;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import from JSON lines: each line is a whole product (fields, images, variants and a status), created or,
 * when its slug exists, replaced. Each line is validated and written in its own transaction: a line is imported
 * whole or not at all, and one bad line does not stop the others.
 */
@Service
class ProductImport {

    static final int MAX_LINES = 10_000;

    private final ProductCommands commands;
    private final ProductStore products;
    private final Validator validator;
    private final JsonMapper json;
    private final TransactionTemplate transactions;

    ProductImport(ProductCommands commands, ProductStore products, Validator validator, JsonMapper json,
            TransactionTemplate transactions) {
        this.commands = commands;
        this.products = products;
        this.validator = validator;
        this.json = json;
        this.transactions = transactions;
    }

    /** One line: a product and the status it should end in (draft when absent). */
    record Line(@NotNull @Valid ProductInput product, ProductStatus status) {}

    record LineError(int line, List<Map<String, String>> errors) {}

    record Report(int created, int updated, int failed, List<LineError> errors) {}

    Report run(String body) {
        List<String> lines = body.lines().toList();
        if (lines.size() > MAX_LINES) {
            throw CatalogProblems.unprocessable("too-many-lines", "An import takes at most " + MAX_LINES + " lines.");
        }
        int created = 0;
        int updated = 0;
        List<LineError> errors = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String text = lines.get(number - 1);
            if (text.isBlank()) {
                continue;
            }
            try {
                Line line = parse(text);
                if (Boolean.TRUE.equals(transactions.execute(status -> write(line)))) {
                    created++;
                } else {
                    updated++;
                }
            } catch (InvalidLine invalid) {
                errors.add(new LineError(number, invalid.errors));
            } catch (ErrorResponseException refused) {
                errors.add(new LineError(number, List.of(Map.of("message", String.valueOf(refused.getBody().getDetail())))));
            }
        }
        return new Report(created, updated, errors.size(), errors);
    }

    private Line parse(String text) {
        Line line;
        try {
            line = json.readValue(text, Line.class);
        } catch (JacksonException malformed) {
            throw new InvalidLine(List.of(Map.of("message", "Not a product in JSON: " + malformed.getOriginalMessage())));
        }
        if (line == null) {
            throw new InvalidLine(List.of(Map.of("message", "Not a product in JSON: the line is null.")));
        }
        Set<ConstraintViolation<Line>> violations = validator.validate(line);
        if (!violations.isEmpty()) {
            throw new InvalidLine(violations.stream()
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .map(violation -> Map.of("field", violation.getPropertyPath().toString().replaceFirst("^product\\.", ""),
                            "message", violation.getMessage()))
                    .toList());
        }
        return line;
    }

    /** Creates or replaces the line's product and brings it to the line's status; true when it was created. */
    private boolean write(Line line) {
        ProductInput input = line.product();
        AdminProduct product = products.idOfSlug(input.slug())
                .map(id -> commands.replace(id, commands.get(id).version(), input))
                .orElse(null);
        boolean created = product == null;
        if (created) {
            product = commands.create(input);
        }
        ProductStatus target = line.status() == null ? ProductStatus.DRAFT : line.status();
        if (target == ProductStatus.PUBLISHED && product.status() != ProductStatus.PUBLISHED) {
            commands.publish(product.id(), product.version());
        } else if (target == ProductStatus.ARCHIVED && product.status() != ProductStatus.ARCHIVED) {
            commands.archive(product.id(), product.version());
        }
        return created;
    }

    private static final class InvalidLine extends RuntimeException {
        private final List<Map<String, String>> errors;

        InvalidLine(List<Map<String, String>> errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }
}
