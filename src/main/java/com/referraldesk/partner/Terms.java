package com.referraldesk.partner;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Keywords, expertise and products are matched case-insensitively: trimmed, lower-case, once each. */
public final class Terms {

  private Terms() {
  }

  public static Set<String> normalized(Collection<String> terms) {
    Set<String> normalized = new LinkedHashSet<>();
    if (terms != null) {
      terms.forEach(term -> normalized.add(term.strip().toLowerCase(Locale.ROOT)));
    }
    return normalized;
  }
}
