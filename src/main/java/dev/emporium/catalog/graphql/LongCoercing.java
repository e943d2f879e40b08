package dev.emporium.catalog.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.math.BigInteger;
import java.util.Locale;

/** GraphQL's Int is 32-bit; amounts in minor units need 64. Accepts integers only, never a float or a string. */
final class LongCoercing implements Coercing<Long, Long> {

    @Override
    public Long serialize(Object value, GraphQLContext context, Locale locale) {
        if (value instanceof Long number) {
            return number;
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        throw new CoercingSerializeException("Not a 64-bit integer: " + value.getClass().getSimpleName());
    }

    @Override
    public Long parseValue(Object input, GraphQLContext context, Locale locale) {
        return switch (input) {
            case Long number -> number;
            case Integer number -> number.longValue();
            case BigInteger number when number.bitLength() < 64 -> number.longValue();
            default -> throw new CoercingParseValueException("Expected a 64-bit integer.");
        };
    }

    @Override
    public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (input instanceof IntValue integer && integer.getValue().bitLength() < 64) {
            return integer.getValue().longValue();
        }
        throw new CoercingParseLiteralException("Expected a 64-bit integer.");
    }
}
