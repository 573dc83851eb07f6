package com.referraldesk.rfi;

import java.util.List;

/**
 * A customer's request for information as the public API takes it. {@code requestId} is the client's own id:
 * sending the same id again returns the same RFI and starts nothing new.
 */
public record RfiRequest(
    String requestId,
    Customer customer,
    Need need,
    Boolean contactRequested,
    String source,
    List<String> partners,
    Boolean findBestMatches) {

  /** Who the customer is and how to reach them. */
  public record Customer(String company, String contactName, String email, String phone, String country,
      String companySize, String industry, String language) {
  }

  /** What the customer needs. */
  public record Need(String details, List<String> keywords, List<String> products) {
  }
}
