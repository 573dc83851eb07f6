package com.referraldesk.codes;

import com.referraldesk.api.CodeLabels;
import com.referraldesk.archive.FinalState;
import com.referraldesk.partner.ProfileCodes;
import com.referraldesk.referral.ReferralChoices;
import com.referraldesk.registration.DealRegistrationProcess;
import com.referraldesk.registration.RegistrationState;
import com.referraldesk.rfi.RfiCodes;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every code list the application stores or sends, by the name its labels are keyed with in
 * {@code codes/labels*.properties}: read from the lists the modules check their input against, so a code added there
 * is a code here (and {@code CodeLabelsTest} asks for its words in every language).
 */
final class CodeLists {

  static final Map<String, List<String>> ALL = lists(
      CodeLabels.COMPANY_SIZE, ProfileCodes.COMPANY_SIZES,
      CodeLabels.INDUSTRY, ProfileCodes.INDUSTRIES,
      "language", ProfileCodes.LANGUAGES,
      "journey", ProfileCodes.JOURNEYS,
      CodeLabels.SOURCE, RfiCodes.SOURCES,
      "decision", ReferralChoices.DECISIONS,
      "purchaseTimeframe", ReferralChoices.PURCHASE_TIMEFRAMES,
      "declineReason", ReferralChoices.DECLINE_REASONS,
      "engagementAction", ReferralChoices.ENGAGEMENT_ACTIONS,
      "lostReason", ReferralChoices.LOST_REASONS,
      "interest", ReferralChoices.INTERESTS,
      "dealOutcome", ReferralChoices.DEAL_OUTCOMES,
      CodeLabels.PARTNER_ROLE, DealRegistrationProcess.PARTNER_ROLES,
      "reviewDecision", DealRegistrationProcess.REVIEW_DECISIONS,
      "registrationState", names(RegistrationState.values()),
      "finalState", names(FinalState.values()));

  private CodeLists() {
  }

  /** Pairs of a list's name and its codes, separated by spaces as {@code @Code} takes them. */
  private static Map<String, List<String>> lists(String... namesAndCodes) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    for (int i = 0; i < namesAndCodes.length; i += 2) {
      lists.put(namesAndCodes[i], List.of(namesAndCodes[i + 1].split(" ")));
    }
    return Collections.unmodifiableMap(lists);
  }

  private static String names(Enum<?>[] values) {
    return String.join(" ", Arrays.stream(values).map(Enum::name).toList());
  }
}
