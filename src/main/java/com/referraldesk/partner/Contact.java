package com.referraldesk.partner;

/** A person at a partner: a location's e-mail recipient or an engagement contact. */
public record Contact(String name, String phone, String email) {
}
