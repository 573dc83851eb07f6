package com.referraldesk.api;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The application's error answers as RFC 9457 problem details (application/problem+json). A refused request is
 * 400 with every bad field at once in {@code errors}, each {@code {field, message}} with the field's path as the
 * client sent it ({@code customer.email}, {@code contacts[0].email}, {@code keywords[2]}); refusals such as 403 and
 * 404 give their reason as {@code detail}. No answer shows a stack trace or a class of the server.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  /** A {@code @Valid} body that breaks its constraints. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return refuse(e, fields(e.getBindingResult()), request);
  }

  /** Constraints on parameters (query, path), and on the body of the same method. */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      if (result instanceof ParameterErrors body) {
        problems.addAll(fields(body));
      } else {
        String name = requestName(result.getMethodParameter());
        String field = result.getContainerIndex() == null ? name : name + "[" + result.getContainerIndex() + "]";
        result.getResolvableErrors().forEach(error -> problems.add(new FieldProblem(field, error.getDefaultMessage())));
      }
    }
    return refuse(e, problems, request);
  }

  /** A parameter that is no value of its type: an enum's answer lists its values, a date's shows the form. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    Class<?> type = e instanceof MethodArgumentTypeMismatchException argument
        ? itemType(ResolvableType.forMethodParameter(argument.getParameter())) : e.getRequiredType();
    String value = e.getValue() instanceof Object[] values
        ? Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(e.getValue());
    String expected;
    if (type != null && type.isEnum()) {
      expected = "must be one of " + Arrays.toString(type.getEnumConstants());
    } else if (type == LocalDate.class) {
      expected = "must be a date such as 2026-03-31";
    } else {
      expected = "must be of type " + (type == null ? "another type" : type.getSimpleName());
    }
    String field = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
    return refuse(e, List.of(new FieldProblem(field, expected + ", was '" + value + "'")), request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return refuse(e, List.of(new FieldProblem(e.getParameterName(), "is required")), request);
  }

  /** Not JSON, or a value of the wrong type (named by its path); Jackson's own words would show server classes. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    FieldProblem problem = e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
        ? new FieldProblem(path(mapping), "has the wrong type")
        : new FieldProblem("body", "is not readable JSON of the expected shape");
    return refuse(e, List.of(problem), request);
  }

  @ExceptionHandler
  ResponseEntity<Object> ruleBroken(InvalidRequestException e, WebRequest request) {
    return refuse(e, e.fieldProblems(), request);
  }

  /**
   * Anything else is the server's own failure: logged here, answered 500 without its internals. Spring Security's
   * refusals go on to the API's security, which answers them (401, 403).
   */
  @ExceptionHandler
  ResponseEntity<Object> failed(Exception e, WebRequest request) throws Exception {
    if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
      throw e;
    }
    if (DatabaseOutage.causes(e)) {
      LOG.warn("{} failed: the database is not reachable ({})", request.getDescription(false), e.toString());
      ProblemDetail unavailable = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
          DatabaseOutage.MESSAGE + " (an RFI sent again with the same requestId is taken once)");
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
      return handleExceptionInternal(e, unavailable, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }
    LOG.error("{} failed", request.getDescription(false), e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "the server could not answer; the error is logged");
    return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  private ResponseEntity<Object> refuse(Exception e, List<FieldProblem> problems, WebRequest request) {
    List<FieldProblem> sorted = problems.stream()
        .sorted(comparing(FieldProblem::field, nullsFirst(naturalOrder())).thenComparing(FieldProblem::message))
        .toList();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        sorted.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
    problem.setProperty("errors", sorted);
    return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  /** A body's problems; one of the whole body (a constraint on its class) is the body's. */
  private static List<FieldProblem> fields(Errors errors) {
    return errors.getAllErrors().stream()
        .map(error -> new FieldProblem(error instanceof FieldError field ? field.getField() : "body",
            error.getDefaultMessage()))
        .toList();
  }

  /** The type of one value: a list's or an array's item (each {@code state=} of a {@code List<FinalState>}). */
  private static Class<?> itemType(ResolvableType type) {
    if (type.isArray()) {
      return type.getComponentType().resolve();
    }
    ResolvableType collection = type.asCollection();
    return collection == ResolvableType.NONE ? type.resolve() : collection.resolveGeneric(0);
  }

  /**
   * The name under which the client sent a parameter: the annotation's name where it gives one
   * ({@code @RequestParam("state") List<FinalState> states} is {@code state}), else the Java parameter's.
   */
  private static String requestName(MethodParameter parameter) {
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    String declared = param != null ? param.name() : path != null ? path.name() : header != null ? header.name() : "";
    if (!declared.isEmpty()) {
      return declared;
    }
    if (parameter.hasParameterAnnotation(RequestBody.class)) {
      return "body";
    }
    String name = parameter.getParameterName();
    return name != null ? name : "parameter " + parameter.getParameterIndex();
  }

  /** Jackson's path as the client wrote it: {@code contacts[0].name}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : e.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
      } else {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
