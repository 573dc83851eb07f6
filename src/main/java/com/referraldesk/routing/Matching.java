package com.referraldesk.routing;

import com.referraldesk.partner.PartnerProfile;
import com.referraldesk.partner.Profiles;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Finds the partner locations that may serve a customer and ranks them, best first, one location per partner;
 * deactivated partners are not asked at all. A
 * ranking costs the same few statements whatever the number of partners and locations: the profiles, the
 * decision, and the candidates' figures (see {@link PartnerScoring}).
 */
@Service
public record Matching(Profiles profiles, Eligibility eligibility, PartnerScoring scoring) {

  /** The partners with a location that may serve this customer, unranked: what the RFI intake checks. */
  public Set<String> eligiblePartners(CustomerNeed need) {
    Predicate<PartnerProfile> eligible = eligibility.eligibleFor(need);
    return profiles.ofActivePartners().stream().filter(eligible).map(PartnerProfile::partnerId).collect(Collectors.toSet());
  }

  /** The eligible locations, the best of each partner, ranked by score; partners in {@code excluded} left out. */
  public List<Candidate> ranked(CustomerNeed need, Set<String> excluded) {
    Predicate<PartnerProfile> eligible = eligibility.eligibleFor(need);
    List<PartnerProfile> candidates = profiles.ofActivePartners().stream()
        .filter(profile -> !excluded.contains(profile.partnerId()) && eligible.test(profile))
        .toList();
    Function<PartnerProfile, ScoreParts> scores = scoring.scoresFor(need,
        candidates.stream().map(PartnerProfile::partnerId).collect(Collectors.toSet()));
    Map<String, Candidate> bestPerPartner = new LinkedHashMap<>();
    for (PartnerProfile profile : candidates) {
      bestPerPartner.merge(profile.partnerId(), new Candidate(profile, scores.apply(profile)),
          (a, b) -> a.parts().score() >= b.parts().score() ? a : b);
    }
    return bestPerPartner.values().stream()
        .sorted(Comparator.comparingDouble((Candidate c) -> c.parts().score()).reversed()
            .thenComparing(c -> c.profile().locationId()))
        .toList();
  }
}
