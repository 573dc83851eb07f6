package com.referraldesk.onboarding;

import com.referraldesk.api.OneLine;
import com.referraldesk.partner.PartnerUsers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Public: an invited partner admin sets a password with the invitation's one-time token, then signs in. */
@RestController
public class InvitationController {

  private final Onboarding onboarding;

  InvitationController(Onboarding onboarding) {
    this.onboarding = onboarding;
  }

  public record Acceptance(
      @NotBlank @Size(max = 100) String token,
      @NotBlank @Size(min = PartnerUsers.MIN_PASSWORD, message = "is too short: at least {min} characters")
      @Size(max = 200) @OneLine String password) {
  }

  /** Who may now sign in with the new password. */
  public record Accepted(String userId) {
  }

  @PostMapping("/api/invitations/accept")
  @SecurityRequirements // public: see security.ApiSecurity
  public Accepted accept(@Valid @RequestBody Acceptance acceptance) {
    return new Accepted(onboarding.accept(acceptance.token(), acceptance.password()));
  }
}
