package dev.emporium.platform.web;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The field of a well-formed body whose value has the wrong type (a fraction or a word for a whole number) or
 * does not fit it, named so the client can fix it. Only names that look like field names are repeated: a map key
 * in the path is the client's own text.
 */
record UnreadableField(String path, String message) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final List<Class<?>> WHOLE_NUMBERS = List.of(Integer.class, int.class, Long.class, long.class,
            Short.class, short.class, Byte.class, byte.class, BigInteger.class);

    static Optional<UnreadableField> of(JacksonException unreadable) {
        if (unreadable.getPath().isEmpty()) {
            return Optional.empty();
        }
        return switch (unreadable) {
            case InputCoercionException _ -> Optional.of(new UnreadableField(pathOf(unreadable), "is out of range"));
            case MismatchedInputException mismatch -> Optional.of(new UnreadableField(pathOf(unreadable), messageOf(mismatch)));
            default -> Optional.empty();
        };
    }

    private static String messageOf(MismatchedInputException mismatch) {
        Class<?> target = mismatch.getTargetType();
        if (WHOLE_NUMBERS.contains(target)) {
            return "must be a whole number";
        }
        return target != null && target.isEnum() ? "is not one of the accepted values" : "has the wrong type";
    }

    /** As validation names fields: {@code variants[0].price.amount}. */
    private static String pathOf(JacksonException unreadable) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : unreadable.getPath()) {
            if (reference.getPropertyName() != null) {
                String name = reference.getPropertyName();
                path.append(path.isEmpty() ? "" : ".").append(NAME.matcher(name).matches() ? name : "*");
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
