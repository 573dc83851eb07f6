package com.referraldesk.security;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A bean that expressions can reach, as an attacker's payload would reach Java: ${canary.touch()} counts each
 * time the engine evaluates it. The attack tests assert that the count stays 0.
 */
@Component("canary")
public class ExpressionCanary {

  private final AtomicInteger touched = new AtomicInteger();

  public String touch() {
    touched.incrementAndGet();
    return "nobody";
  }

  public int touched() {
    return touched.get();
  }

  public void reset() {
    touched.set(0);
  }
}
