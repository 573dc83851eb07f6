package com.referraldesk.partner;

import static com.referraldesk.partner.ProfileCodes.COMPANY_SIZES;
import static com.referraldesk.partner.ProfileCodes.INDUSTRIES;

import com.referraldesk.api.Code;
import com.referraldesk.api.OneLine;
import com.referraldesk.api.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.UniqueElements;

/**
 * What a partner admin sends to create or replace a profile. Omitted lists mean none; active defaults to true.
 * Each code once, so a list of codes is at most as long as the codes.
 */
@ProfileRules
public record ProfileChange(
    @NotBlank @Size(max = 200) @OneLine String name,
    @NotBlank @Region String region,
    @NotBlank @Code(ProfileCodes.LANGUAGES) String language,
    Boolean active,
    @Code(ProfileCodes.JOURNEYS) String journey,
    @Size(max = Profiles.MAX_CONTACTS, message = "{referral-desk.items}") List<@NotNull @Valid Contact> contacts,
    @Size(max = Profiles.MAX_TERMS, message = "{referral-desk.items}") List<@NotBlank @Size(max = 100) @OneLine String> keywords,
    @Size(max = Profiles.MAX_TERMS, message = "{referral-desk.items}") List<@NotBlank @Size(max = 100) @OneLine String> expertise,
    @UniqueElements List<@NotNull @Code(INDUSTRIES) String> industries,
    @UniqueElements List<@NotNull @Code(INDUSTRIES) String> excludedIndustries,
    @UniqueElements List<@NotNull @Code(COMPANY_SIZES) String> preferredCompanySizes,
    @UniqueElements List<@NotNull @Code(COMPANY_SIZES) String> excludedCompanySizes) {
}
