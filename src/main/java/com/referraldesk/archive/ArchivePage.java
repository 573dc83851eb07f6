package com.referraldesk.archive;

import java.util.List;

/**
 * One page of a partner's archived referrals, most recently closed first. {@code next} is the cursor of the
 * following page, to send back as {@code after}; null on the last page.
 */
public record ArchivePage(List<ArchivedReferral> referrals, String next) {
}
