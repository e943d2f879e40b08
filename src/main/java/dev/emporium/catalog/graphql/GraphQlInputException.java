package dev.emporium.catalog.graphql;

/** An argument the schema accepts but the catalog cannot serve; answered as a GraphQL error of the client's. */
class GraphQlInputException extends RuntimeException {

    GraphQlInputException(String message) {
        super(message, null, false, false);
    }
}
