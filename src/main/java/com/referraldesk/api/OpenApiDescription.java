package com.referraldesk.api;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html): what the API is, how to log in, the
 * problem details every error answers with, and the code lists as enums. Derived from the code, so it cannot drift:
 * every operation needs a login and may answer 401 and 403, but those marked public with an empty
 * {@code @SecurityRequirements} (as the API's security configuration permits them); every {@link Code} is an enum.
 */
@Configuration
class OpenApiDescription {

  private static final String BASIC = "basic";
  private static final String SESSION = "session";
  private static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  OpenAPI referralDeskApi() {
    return new OpenAPI()
        .info(new Info()
            .title("Referral Desk API")
            .version("1")
            .description("""
                Customers' requests for information (RFIs), partners' profiles, users, figures and archives.
                `POST /api/rfis`, `GET /api/rfis/{rfiId}` and `GET /api/partners/search` are public; everything else
                needs a login: HTTP Basic with a Referral Desk user (machines), or the browser session of the one
                sign-in (people; state-changing calls then carry the `X-RD-XSRF-TOKEN` header with the value of the
                `RD-XSRF-TOKEN` cookie). A partner sees only its own partner's data.
                Every error answers `application/problem+json`; a 400 names each bad field in `errors`."""))
        .addSecurityItem(new SecurityRequirement().addList(BASIC))
        .addSecurityItem(new SecurityRequirement().addList(SESSION))
        .components(new Components()
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A Referral Desk user (the same users as Tasklist)"))
            .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                .description("The session of the one sign-in (Tasklist, Cockpit and the application's pages)"))
            .addSchemas(PROBLEM, problemSchema()));
  }

  /** The answers every operation may give besides its own: 400 for bad input, 404 for an unknown id in the path, 401 and 403 where a login is needed. */
  @Bean
  OperationCustomizer problemAnswers() {
    return (Operation operation, HandlerMethod method) -> {
      ApiResponses responses = Optional.ofNullable(operation.getResponses()).orElseGet(ApiResponses::new);
      operation.setResponses(responses);
      if (operation.getParameters() != null && !operation.getParameters().isEmpty() || operation.getRequestBody() != null) {
        responses.putIfAbsent("400", problem("The request is malformed or a field is invalid; `errors` names each field"));
      }
      if (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()))) {
        responses.putIfAbsent("404", problem("Nothing of that id (e.g. an unknown partner)"));
      }
      if (needsLogin(method)) {
        responses.putIfAbsent("401", problem("No login, or a wrong user or password"));
        responses.putIfAbsent("403", problem("The user may not do this (e.g. another partner's data)"));
      }
      return operation;
    };
  }

  /** A field with {@link Code} takes one of its codes: an enum in the schema. */
  @Bean
  PropertyCustomizer codeListsOfFields() {
    return (property, type) -> {
      codes(type.getCtxAnnotations()).ifPresent(codes -> enumOf(property, codes));
      return property;
    };
  }

  /** A query parameter with {@link Code}, likewise. */
  @Bean
  ParameterCustomizer codeListsOfParameters() {
    return (parameter, methodParameter) -> {
      if (parameter != null && parameter.getSchema() != null) {
        codes(methodParameter.getParameterAnnotations()).ifPresent(codes -> enumOf(parameter.getSchema(), codes));
      }
      return parameter;
    };
  }

  /** Every operation needs a login but those the security configuration makes public, which say so. */
  private static boolean needsLogin(HandlerMethod method) {
    return !AnnotatedElementUtils.hasAnnotation(method.getMethod(), SecurityRequirements.class);
  }

  private static Optional<List<String>> codes(Annotation[] annotations) {
    return annotations == null ? Optional.empty() : Arrays.stream(annotations)
        .filter(Code.class::isInstance).map(Code.class::cast).findFirst()
        .map(code -> List.of(code.value().split(" ")));
  }

  @SuppressWarnings("unchecked")
  private static void enumOf(Schema<?> schema, List<String> codes) {
    Schema<?> target = schema instanceof ArraySchema array && array.getItems() != null ? array.getItems() : schema;
    ((Schema<Object>) target).setEnum(List.copyOf(codes));
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse().description(description).content(new Content()
        .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema())
        .addProperty("title", new StringSchema().example("Bad Request"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().example("customer.email: must be an e-mail address"))
        .addProperty("instance", new StringSchema().example("/api/rfis"))
        .addProperty("errors", new ArraySchema().description("Each bad field (400 only)").items(new ObjectSchema()
            .addProperty("field", new StringSchema().example("customer.email"))
            .addProperty("message", new StringSchema().example("must be an e-mail address"))));
  }
}
