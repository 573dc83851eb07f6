package com.referraldesk.partner;

/** A partner organisation; its sales people form the candidate group {@code groupId} in Tasklist. */
public record Partner(String id, String name, String groupId) {
}
