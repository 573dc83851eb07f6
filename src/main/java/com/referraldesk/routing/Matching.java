package com.referraldesk.routing;

import com.referraldesk.partner.PartnerProfile;
import com.referraldesk.partner.Profiles;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Finds the partner locations that may serve a customer and ranks them, best first, one location per partner. */
@Service
public record Matching(Profiles profiles, Eligibility eligibility, PartnerScoring scoring) {

  /** The eligible locations, the best of each partner, ranked by score; partners in {@code excluded} left out. */
  public List<Candidate> ranked(CustomerNeed need, Set<String> excluded) {
    Map<String, Candidate> bestPerPartner = new LinkedHashMap<>();
    for (PartnerProfile profile : profiles.all()) {
      if (excluded.contains(profile.partnerId())) {
        continue;
      }
      if (!eligibility.of(profile, need).eligible()) {
        continue;
      }
      Candidate candidate = new Candidate(profile, scoring.score(profile, need));
      bestPerPartner.merge(profile.partnerId(), candidate,
          (a, b) -> a.parts().score() >= b.parts().score() ? a : b);
    }
    return bestPerPartner.values().stream()
        .sorted(Comparator.comparingDouble((Candidate c) -> c.parts().score()).reversed()
            .thenComparing(c -> c.profile().locationId()))
        .toList();
  }
}
