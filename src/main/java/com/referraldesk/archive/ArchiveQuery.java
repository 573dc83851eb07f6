package com.referraldesk.archive;

import java.time.LocalDate;
import java.util.Set;

/**
 * What one page of a partner's archive holds: referrals in one of {@code states} (all when empty), closed on the
 * days {@code closedFrom} to {@code closedTo} (UTC, both included; open when null), after the cursor (from the
 * newest when null), at most {@code limit} of them.
 */
record ArchiveQuery(Set<FinalState> states, LocalDate closedFrom, LocalDate closedTo, ArchiveCursor after, int limit) {
}
