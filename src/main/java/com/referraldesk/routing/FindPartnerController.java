package com.referraldesk.routing;

import com.referraldesk.partner.Terms;
import com.referraldesk.api.Checks;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.ProfileCodes;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Find a partner: ranked partners for a customer's needs, with each score's parts; and a partner's figures. */
@RestController
public class FindPartnerController {

  static final int MAX_RESULTS = 50;

  private final Matching matching;
  private final PartnerRecords records;
  private final PartnerDirectory partners;

  public FindPartnerController(Matching matching, PartnerRecords records, PartnerDirectory partners) {
    this.matching = matching;
    this.records = records;
    this.partners = partners;
  }

  /** One ranked partner: the location that fits best, its score and the parts of it. */
  public record Match(String partnerId, String partnerName, String locationId, String locationName, ScoreParts score) {
  }

  @GetMapping("/api/partners/search")
  public List<Match> search(@RequestParam(required = false) List<String> keywords, @RequestParam String region,
      @RequestParam String industry, @RequestParam String companySize,
      @RequestParam(defaultValue = "10") int limit) {
    Checks checks = new Checks();
    checks.texts("keywords", keywords, 20, 100);
    if (!region.matches("[A-Z]{2}")) {
      checks.problem("region", "is not a two-letter country/region code such as US or IT");
    }
    checks.code("industry", industry, ProfileCodes.INDUSTRIES, true);
    checks.code("companySize", companySize, ProfileCodes.COMPANY_SIZES, true);
    if (limit < 1 || limit > MAX_RESULTS) {
      checks.problem("limit", "must be between 1 and " + MAX_RESULTS);
    }
    checks.verify();
    return matching.ranked(new CustomerNeed(region, companySize, industry, Terms.normalized(keywords)), Set.of()).stream()
        .limit(limit)
        .map(c -> new Match(c.profile().partnerId(), partners.partner(c.profile().partnerId()).orElseThrow().name(),
            c.profile().locationId(), c.profile().name(), c.parts()))
        .toList();
  }

  @GetMapping("/api/partners/{partnerId}/stats")
  @PreAuthorize("@access.mayRead(#partnerId)")
  public PartnerStats stats(@PathVariable String partnerId) {
    return records.stats(partnerId);
  }
}
