package com.referraldesk.referral;

import com.referraldesk.api.EmailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A filled contact slot of a form, its values trimmed: it needs a name; phone and e-mail are optional. */
record ContactSlot(
    @NotBlank @Size(max = FormChecks.NAME) String name,
    @Size(max = 64) String phone,
    @EmailAddress String email) {
}
