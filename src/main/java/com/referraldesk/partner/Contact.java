package com.referraldesk.partner;

import com.referraldesk.api.EmailAddress;
import com.referraldesk.api.OneLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person at a partner: a location's e-mail recipient or an engagement contact. */
public record Contact(
    @NotBlank @Size(max = 200) @OneLine String name,
    @Size(max = 64) @OneLine String phone,
    @NotBlank @EmailAddress String email) {
}
