package com.referraldesk.rfi;

import java.util.List;

/** Where RFIs come from: the three sources of the spec. */
final class RfiCodes {

  static final List<String> SOURCES = List.of("marketing", "sales-agent", "customer-search");

  private RfiCodes() {
  }
}
