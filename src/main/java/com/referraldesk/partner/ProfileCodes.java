package com.referraldesk.partner;

import java.util.List;

/** The codes profiles and RFIs use for company sizes, industries, languages and journeys. */
public final class ProfileCodes {

  public static final List<String> COMPANY_SIZES = List.of("small", "medium", "large", "enterprise");

  public static final List<String> INDUSTRIES = List.of(
      "agriculture", "education", "energy", "finance", "government", "healthcare", "hospitality",
      "manufacturing", "media", "nonprofit", "professional-services", "real-estate", "retail", "technology",
      "transportation", "other");

  /** E-mail languages: those of the source pages. */
  public static final List<String> LANGUAGES = List.of("en", "zh-TW", "ko", "ru", "it");

  /** Journey A of the spec; the classic journey B is not built yet. */
  public static final List<String> JOURNEYS = List.of("engagements");

  private ProfileCodes() {
  }
}
