package com.referraldesk.archive;

/** A partner whose archive the caller may read, for choosing one of them. */
public record ReadableArchive(String partnerId, String partnerName) {
}
