package com.referraldesk.registration;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Working days: Monday to Friday; Saturdays and Sundays are not counted. */
final class BusinessDays {

  private BusinessDays() {
  }

  /**
   * The moment {@code days} working days after {@code from}, at the same time of day in {@code zone}: from a Friday
   * morning, 5 working days is the next Friday morning; from a Saturday, the Friday after (Monday is the first).
   */
  static Instant after(Instant from, int days, ZoneId zone) {
    ZonedDateTime at = from.atZone(zone);
    int counted = 0;
    while (counted < days) {
      at = at.plusDays(1);
      if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
        counted++;
      }
    }
    return at.toInstant();
  }
}
