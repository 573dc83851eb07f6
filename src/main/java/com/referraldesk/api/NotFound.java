package com.referraldesk.api;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** What an API answers when the one thing asked for is not there: 404, saying what is missing. */
public final class NotFound {

  private NotFound() {
  }

  public static <T> T unlessFound(Optional<T> found, String missing) {
    return found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, missing));
  }
}
