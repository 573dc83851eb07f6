package com.referraldesk.referral;

/** How to reach the customer of a referral: what a classic journey shows its partner only after "I'm interested". */
public record CustomerContact(String contactName, String email, String phone) {
}
