package dev.emporium.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text as people write it: no control characters. PostgreSQL cannot store NUL at all, and the others end up on
 * labels, in e-mails and in logs. A {@link #multiline()} text, such as a description, may hold line breaks and
 * tabs. Null is left to {@code @NotNull}.
 */
@Documented
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
        ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FreeText.Validator.class)
public @interface FreeText {

    String MESSAGE = "must not contain control characters";

    String message() default MESSAGE;

    /** Whether line breaks and tabs are allowed. */
    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<FreeText, CharSequence> {

        private boolean multiline;

        @Override
        public void initialize(FreeText rule) {
            multiline = rule.multiline();
        }

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            return allows(text, multiline);
        }

        /** The same rule for input no annotation reaches, such as query parameters read by hand. */
        public static boolean allows(CharSequence text, boolean multiline) {
            if (text == null) {
                return true;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                    return false;
                }
            }
            return true;
        }
    }
}
