package dev.emporium.catalog.graphql;

import dev.emporium.catalog.CatalogProperties;
import dev.emporium.platform.web.InvalidInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryDepthInstrumentation;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL's guards and plumbing: a query deeper or costlier than configured is refused before it runs, the
 * catalog's 4xx refusals (and values the database refuses) become GraphQL errors of the client's kind, and amounts
 * are 64-bit.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GraphQlConfiguration.class);

    /** {@code emporium.graphql.*}: how deep and how costly (fields, lists counted by their page size) a query may be. */
    @ConfigurationProperties("emporium.graphql")
    record GraphQlLimits(@DefaultValue("10") int maxDepth, @DefaultValue("5000") int maxComplexity) {}

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }

    @Bean
    QueryCostLimit queryCostLimit(GraphQlLimits limits, CatalogProperties catalog) {
        return new QueryCostLimit(limits.maxComplexity(), catalog.defaultPageSize());
    }

    /**
     * Spring Boot's controller set-up, minus the executor it hands blocking controller methods with virtual threads
     * on: the request already runs on a virtual thread, and a hop to another one for each data fetcher left the
     * response to an asynchronous dispatch, which ran the whole filter chain a second time per query.
     */
    @Bean
    AnnotatedControllerConfigurer annotatedControllerConfigurer(ObjectProvider<HandlerMethodArgumentResolver> resolvers) {
        AnnotatedControllerConfigurer configurer = new AnnotatedControllerConfigurer();
        configurer.configureBinder(options -> options.conversionService(ApplicationConversionService.getSharedInstance()));
        resolvers.orderedStream().forEach(configurer::addCustomArgumentResolver);
        return configurer;
    }

    /**
     * GraphQL responses keep their null fields (the spec requires them), unlike the REST API's JSON, which leaves
     * them out; so /graphql writes with a mapper of its own.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
        return new GraphQlHttpHandler(handler, new JacksonJsonHttpMessageConverter(JsonMapper.builder().build()));
    }

    /**
     * Parsing and validating a query costs more than running a cached page of it; storefronts send the same few
     * queries with different variables, so each distinct text is parsed and validated once per instance.
     */
    @Bean
    GraphQlSourceBuilderCustomizer parsedQueryCache() {
        Cache<String, PreparsedDocumentEntry> parsed = Caffeine.newBuilder().maximumSize(1_000).build();
        PreparsedDocumentProvider provider = (input, parseAndValidate) ->
                CompletableFuture.completedFuture(parsed.get(input.getQuery(), query -> parseAndValidate.apply(input)));
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

    @Bean
    RuntimeWiringConfigurer longScalar() {
        GraphQLScalarType scalar = GraphQLScalarType.newScalar().name("Long").description("A 64-bit integer")
                .coercing(new LongCoercing()).build();
        return wiring -> wiring.scalar(scalar);
    }

    @Bean
    DataFetcherExceptionResolverAdapter catalogRefusals() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment environment) {
                String message = switch (failure) {
                    case ErrorResponseException refused when refused.getStatusCode().is4xxClientError() -> refused.getBody().getDetail();
                    case GraphQlInputException invalid -> invalid.getMessage();
                    default -> InvalidInput.sqlStateOf(failure).map(GraphQlConfiguration::refusedValue).orElse(null);
                };
                return message == null ? null : GraphqlErrorBuilder.newError(environment)
                        .errorType(ErrorType.BAD_REQUEST).message(message).build();
            }
        };
    }

    /** A value the database refused (SQLSTATE class 22) came from the client; logged by SQLSTATE, never the value. */
    private static String refusedValue(String sqlState) {
        log.atWarn().addKeyValue("sql_state", sqlState)
                .log("The database refused a value of a GraphQL query (SQLSTATE {})", sqlState);
        return InvalidInput.DETAIL;
    }
}
