package com.referraldesk.partner;

/**
 * The codes profiles and RFIs use for company sizes, industries, languages and journeys; each list separated by
 * spaces, as {@code @Code} takes it.
 */
public final class ProfileCodes {

  public static final String COMPANY_SIZES = "small medium large enterprise";

  public static final String INDUSTRIES = "agriculture education energy finance government healthcare hospitality "
      + "manufacturing media nonprofit professional-services real-estate retail technology transportation other";

  /** E-mail languages: those of the source pages. */
  public static final String LANGUAGES = "en zh-TW ko ru it";

  /** Journey A of the spec, the default. */
  public static final String ENGAGEMENTS = "engagements";

  /** Journey B of the spec, the 2017 pages' classic journey. */
  public static final String CLASSIC = "classic";

  public static final String JOURNEYS = ENGAGEMENTS + " " + CLASSIC;

  private ProfileCodes() {
  }
}
