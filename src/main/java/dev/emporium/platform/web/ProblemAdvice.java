package dev.emporium.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** Maps every exception that reaches Spring MVC to an RFC 9457 problem; the rest go through {@link ProblemErrorController}. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** One entry per rejected field, in the {@code errors} member of a 400 problem. */
    public record FieldViolation(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldViolation(error.getField(), messageOf(error)))
                .toList();
        return validationFailed(violations, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldViolation(
                                error instanceof FieldError field ? field.getField() : result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return validationFailed(violations, headers, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldViolation> violations = ex.getConstraintViolations().stream()
                .map(violation -> new FieldViolation(leafOf(violation.getPropertyPath().toString()), violation.getMessage()))
                .toList();
        return validationFailed(violations, new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestBodyLimitFilter.isBodyTooLarge(ex)) {
            ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "The request body is larger than this endpoint accepts.");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        // The parser's message can quote the client's input at length; say what is wrong, not what was sent.
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "The request body could not be read as the expected JSON document.");
        if (ex.getCause() instanceof JacksonException unreadable) {
            UnreadableField.of(unreadable).ifPresent(field -> {
                problem.setDetail("The request body could not be read: " + field.path() + " " + field.message() + ".");
                problem.setProperty("errors", List.of(new FieldViolation(field.path(), field.message())));
            });
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A value the database refused (SQLSTATE class 22) came from the client: a 400. Any other database failure is ours. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> handleDataAccess(DataAccessException ex, WebRequest request) {
        Optional<String> refused = InvalidInput.sqlStateOf(ex);
        if (refused.isEmpty()) {
            return handleUnexpected(ex, request);
        }
        // By SQLSTATE only: the database's message may quote the value.
        log.atWarn().addKeyValue("sql_state", refused.get())
                .log("The database refused a value of the request (SQLSTATE {})", refused.get());
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, InvalidInput.TYPE, InvalidInput.DETAIL);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Anything unforeseen: the client gets an opaque error id, the log gets the exception under the same id. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        String errorId = UUID.randomUUID().toString();
        // Not "error.id": the ECS "error" object is the exception's, and a second writer of it breaks the line.
        log.atError().setCause(ex).addKeyValue("error_id", errorId).log("Unexpected failure {}", errorId);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side. Quote the error id when you report it.");
        problem.setProperty("errorId", errorId);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (body instanceof ProblemDetail given) {
            problem = given;
        } else if (body == null && ex instanceof ErrorResponse response) {
            problem = response.getBody();
        } else {
            problem = Problems.of(status, Problems.slugOf(status.value()), "The request could not be served.");
        }
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest(HttpServletRequest.class) instanceof HttpServletRequest servletRequest) {
            Problems.complete(problem, servletRequest);
        }
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    private ResponseEntity<Object> validationFailed(List<FieldViolation> violations, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed",
                "The request has %d invalid field%s.".formatted(violations.size(), violations.size() == 1 ? "" : "s"));
        problem.setProperty("errors", violations);
        return handleExceptionInternal(new IllegalArgumentException("validation failed"), problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
    }

    private static String leafOf(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
