package dev.emporium.catalog.graphql;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses a query costlier than the limit before it runs. A field costs one plus its children's cost; a field that
 * takes {@code first} costs that once per item of its page, the default page size when the query leaves
 * {@code first} out. Every sum and product saturates: a huge page size, or a fragment spread over and over, makes
 * a query costlier, never wraps around to a cost that passes (graphql-java's own limit adds up fields in plain int).
 */
final class QueryCostLimit extends SimplePerformantInstrumentation {

    private final int maxCost;
    private final int defaultPageSize;

    QueryCostLimit(int maxCost, int defaultPageSize) {
        this.maxCost = maxCost;
        this.defaultPageSize = defaultPageSize;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        int cost = costOf(parameters.getExecutionContext());
        if (cost > maxCost) {
            throw new AbortExecutionException("maximum query complexity exceeded " + cost + " > " + maxCost);
        }
        return SimpleInstrumentationContext.noOp();
    }

    private int costOf(ExecutionContext execution) {
        // The cost of each field's children, added up as the traversal leaves them; the operation's under null.
        Map<QueryVisitorFieldEnvironment, Integer> childCosts = new HashMap<>();
        QueryTraverser.newQueryTraverser()
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getExecutionInput().getOperationName())
                .coercedVariables(execution.getCoercedVariables())
                .build()
                .visitPostOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment field) {
                        int cost = field.isTypeNameIntrospectionField() ? 0
                                : saturatedProduct(pageSize(field), saturatedSum(1, childCosts.getOrDefault(field, 0)));
                        childCosts.merge(field.getParentEnvironment(), cost, QueryCostLimit::saturatedSum);
                    }
                });
        return childCosts.getOrDefault(null, 0);
    }

    private int pageSize(QueryVisitorFieldEnvironment field) {
        if (field.getFieldDefinition().getArgument("first") == null) {
            return 1;
        }
        return field.getArguments().get("first") instanceof Integer first ? Math.max(1, first) : defaultPageSize;
    }

    private static int saturatedSum(int a, int b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            return Integer.MAX_VALUE;
        }
    }

    private static int saturatedProduct(int a, int b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            return Integer.MAX_VALUE;
        }
    }
}
