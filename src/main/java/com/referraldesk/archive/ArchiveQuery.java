package com.referraldesk.archive;

import com.referraldesk.api.InvalidRequestException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one page of a partner's archive holds: referrals in one of {@code states} (all when empty), closed on the
 * days {@code closedFrom} to {@code closedTo} (UTC, both included; open when null), of a customer company whose name
 * contains {@code customer} in any case (all when null or blank), after the cursor (from the newest when null), at
 * most {@code limit} of them.
 */
record ArchiveQuery(Set<FinalState> states, LocalDate closedFrom, LocalDate closedTo, String customer, ArchiveCursor after,
    int limit) {

  /**
   * The filters as a client sent them, the same for the list and its CSV: a range that ends before it starts is
   * refused naming both ends; state=WON,LOST and state=WON&state=LOST alike, and an empty item (state=, state=WON,)
   * filters nothing.
   */
  static ArchiveQuery of(List<FinalState> state, LocalDate closedFrom, LocalDate closedTo, String customer,
      ArchiveCursor after, int limit) {
    if (closedFrom != null && closedTo != null && closedFrom.isAfter(closedTo)) {
      throw new InvalidRequestException("closedFrom", "must not be after closedTo (" + closedTo + ")")
          .and("closedTo", "must not be before closedFrom (" + closedFrom + ")");
    }
    Set<FinalState> states = EnumSet.noneOf(FinalState.class);
    if (state != null) {
      state.stream().filter(Objects::nonNull).forEach(states::add);
    }
    return new ArchiveQuery(states, closedFrom, closedTo, customer == null || customer.isBlank() ? null : customer.strip(),
        after, limit);
  }

  /** The same filters and limit after a page's {@code next}: the following page. */
  ArchiveQuery following(String next) {
    return new ArchiveQuery(states, closedFrom, closedTo, customer, ArchiveCursor.parse(next), limit);
  }
}
