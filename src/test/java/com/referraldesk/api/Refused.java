package com.referraldesk.api;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** What the API's tests expect of a refused request: 400 as problem details, naming the field. */
public final class Refused {

  private Refused() {
  }

  /** 400, application/problem+json, one entry in {@code errors}: this field with this message. */
  public static ResultMatcher naming(String field, String message) {
    return ResultMatcher.matchAll(naming(field), jsonPath("$.errors.length()").value(1),
        jsonPath("$.errors[0].message").value(message));
  }

  /** 400, application/problem+json, and the field among those {@code errors} names. */
  public static ResultMatcher naming(String field) {
    return ResultMatcher.matchAll(status().isBadRequest(), content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
        jsonPath("$.errors[*].field", hasItem(field)));
  }
}
