package com.referraldesk.routing;

import com.referraldesk.partner.Terms;
import com.referraldesk.api.Code;
import com.referraldesk.api.OneLine;
import com.referraldesk.api.Region;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.ProfileCodes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.constraints.Range;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Find a partner, open to everybody: ranked partners for a customer's needs, with each score's parts. Reads only,
 * the same few statements whatever the number of partners: the ranking's and one for the partners' names.
 */
@RestController
public record FindPartnerController(Matching matching, PartnerDirectory partners) {

  static final int MAX_RESULTS = 50;

  /** One ranked partner: the location that fits best, its score and the parts of it. */
  public record Match(String partnerId, String partnerName, String locationId, String locationName, ScoreParts score) {
  }

  /** The criteria are optional to Spring and required by their constraints: one answer names every one missing. */
  @GetMapping("/api/partners/search")
  @SecurityRequirements // public: see security.ApiSecurity
  public List<Match> search(
      @RequestParam(required = false) @Size(max = 20, message = "{referral-desk.items}")
      List<@NotBlank @Size(max = 100) @OneLine String> keywords,
      @RequestParam(required = false) @NotBlank @Region String region,
      @RequestParam(required = false) @NotBlank @Code(ProfileCodes.INDUSTRIES) String industry,
      @RequestParam(required = false) @NotBlank @Code(ProfileCodes.COMPANY_SIZES) String companySize,
      @RequestParam(defaultValue = "10") @Range(min = 1, max = MAX_RESULTS) int limit) {
    List<Candidate> ranked = matching.ranked(new CustomerNeed(region, companySize, industry,
        Terms.normalized(keywords)), Set.of()).stream().limit(limit).toList();
    Map<String, String> names = partners.partners().stream().collect(Collectors.toMap(Partner::id, Partner::name));
    return ranked.stream()
        .map(c -> new Match(c.profile().partnerId(), names.get(c.profile().partnerId()), c.profile().locationId(),
            c.profile().name(), c.parts()))
        .toList();
  }
}
