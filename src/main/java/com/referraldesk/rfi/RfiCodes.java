package com.referraldesk.rfi;

/** Where RFIs come from: the three sources of the spec, separated by spaces as {@code @Code} takes them. */
public final class RfiCodes {

  public static final String SOURCES = "marketing sales-agent customer-search";

  private RfiCodes() {
  }
}
