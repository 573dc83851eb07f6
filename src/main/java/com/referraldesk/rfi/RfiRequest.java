package com.referraldesk.rfi;

import static com.referraldesk.partner.ProfileCodes.COMPANY_SIZES;
import static com.referraldesk.partner.ProfileCodes.INDUSTRIES;
import static com.referraldesk.partner.ProfileCodes.LANGUAGES;

import com.referraldesk.api.Code;
import com.referraldesk.api.EmailAddress;
import com.referraldesk.api.OneLine;
import com.referraldesk.api.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A customer's request for information as the public API takes it. {@code requestId} is the client's own id:
 * sending the same id again returns the same RFI and starts nothing new.
 */
public record RfiRequest(
    @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "may hold only letters, digits and . _ : -")
    String requestId,
    @NotNull @Valid Customer customer,
    @NotNull @Valid Need need,
    Boolean contactRequested,
    @NotBlank @Code(RfiCodes.SOURCES) String source,
    @ChosenPartners List<String> partners,
    Boolean findBestMatches) {

  /** Who the customer is and how to reach them. */
  public record Customer(
      @NotBlank @Size(max = 200) @OneLine String company,
      @NotBlank @Size(max = 200) @OneLine String contactName,
      @NotBlank @EmailAddress String email,
      @Size(max = 64) @OneLine String phone,
      @NotBlank @Region String country,
      @NotBlank @Code(COMPANY_SIZES) String companySize,
      @NotBlank @Code(INDUSTRIES) String industry,
      @Code(LANGUAGES) String language) {
  }

  /**
   * What the customer needs; the details may span lines. A referral carries the keywords and the products each joined
   * by ", ", so a product holds no comma.
   */
  public record Need(
      @NotBlank @Size(max = 4000) String details,
      @Size(max = Rfis.MAX_TERMS, message = "{referral-desk.items}") List<@NotBlank @Size(max = 100) @OneLine String> keywords,
      @Size(max = Rfis.MAX_TERMS, message = "{referral-desk.items}")
      List<@NotBlank @Size(max = 100) @OneLine @Pattern(regexp = "[^,]*", message = "{referral-desk.product}")
          String> products) {
  }
}
