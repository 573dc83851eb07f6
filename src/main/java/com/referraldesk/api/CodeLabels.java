package com.referraldesk.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The words for the codes the application stores and sends (company sizes, industries, sources, decline reasons,
 * final states, …), in each e-mail language: the one place they are written is {@code codes/labels*.properties},
 * keyed {@code <list>.<code>}. E-mails, the journeys' forms and {@code GET /api/codes} read them here.
 */
@Component
public class CodeLabels {

  public static final String COMPANY_SIZE = "companySize";
  public static final String INDUSTRY = "industry";
  public static final String SOURCE = "source";
  public static final String PARTNER_ROLE = "partnerRole";

  private final ResourceBundleMessageSource labels = new ResourceBundleMessageSource();

  public CodeLabels() {
    labels.setBasename("codes/labels");
    labels.setDefaultEncoding(StandardCharsets.UTF_8.name());
    labels.setFallbackToSystemLocale(false);
  }

  /**
   * The code of the list in words, in this language (English where the language has no label); the code itself when
   * it is none of the list's, such as one stored before a list changed, so nothing is ever shown blank.
   */
  public String label(String list, String code, Locale locale) {
    return code == null ? null : labels.getMessage(list + "." + code, null, code, locale);
  }

  /** A two-letter country or region code as its name in this language ("US": "United States", "Stati Uniti"). */
  public static String region(String code, Locale locale) {
    if (code == null) {
      return null;
    }
    String name = new Locale("", code).getDisplayCountry(locale);
    return name.isEmpty() || name.equals(code) ? code : name;
  }
}
