package com.referraldesk.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.validator.constraints.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the error answers name a parameter, on a controller of their own (no application context): by the name the
 * client sends, which the annotation may give apart from the Java parameter's; an enum's or a date's refusal says
 * what is expected.
 */
class ApiErrorsTest {

  enum Colour { RED, GREEN }

  @RestController
  static class Parameters {

    @GetMapping("/things")
    String things(@RequestParam(name = "colour", required = false) List<Colour> colours,
        @RequestParam(value = "since", required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate day,
        @RequestParam(name = "q", required = false) @Size(max = 3) String query,
        @RequestParam(name = "n", defaultValue = "1") @Range(min = 1, max = 9) int count) {
      return "ok";
    }
  }

  private final MockMvc api = MockMvcBuilders.standaloneSetup(new Parameters()).setControllerAdvice(new ApiErrors()).build();

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      colour | RED,BLUE   | must be one of [RED, GREEN], was 'RED,BLUE'
      since  | 2026-13-01 | must be a date such as 2026-03-31, was '2026-13-01'
      q      | abcd       | is too long: at most 3 characters
      n      | 10         | must be between 1 and 9
      n      | many       | must be of type int, was 'many'
      """)
  void aParameterIsNamedAsTheClientSentIt(String parameter, String value, String message) throws Exception {
    api.perform(get("/things").param(parameter, value)).andExpect(Refused.naming(parameter, message));
  }

  @Test
  void everyValueOfARepeatedParameterIsShown() throws Exception {
    api.perform(get("/things").param("colour", "RED", "blue"))
        .andExpect(Refused.naming("colour", "must be one of [RED, GREEN], was 'RED,blue'"));
  }
}
