package com.referraldesk.onboarding;

import com.referraldesk.api.EmailAddress;
import com.referraldesk.api.OneLine;
import com.referraldesk.onboarding.Invitations.Issued;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Referral managers (and administrators) onboard partners: list them, create one with its first admin, invite more
 * admins, deactivate and reactivate, read each partner's history. An invitation's link is in this answer only.
 */
@RestController
@RequestMapping("/api/partners")
public class OnboardingController {

  /** Where an invited admin chooses a password: the token after '#' never reaches a server's log or a Referer. */
  static final String WELCOME_PAGE = "/desk/welcome.html";

  private final Onboarding onboarding;

  OnboardingController(Onboarding onboarding) {
    this.onboarding = onboarding;
  }

  /** Partner ids are lower-case letters and digits: its group is the id and "Sales", as the engine accepts ids. */
  public record NewPartner(
      @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9]*", message = "may hold only lower-case letters and digits")
      String id,
      @NotBlank @Size(max = 200) @OneLine String name,
      @NotNull @Valid NewAdmin admin) {
  }

  public record NewAdmin(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9]*", message = "may hold only letters and digits") String id,
      @NotBlank @Size(max = 100) @OneLine String firstName,
      @NotBlank @Size(max = 100) @OneLine String lastName,
      @NotBlank @EmailAddress String email) {
  }

  public record Deactivation(@Size(max = 300) @OneLine String reason) {
  }

  /** The one-time link for the admin to choose a password: shown once, to be handed to the admin. */
  public record Invitation(String userId, String link, Instant expiresAt) {
  }

  public record Onboarded(PartnerState partner, Invitation invitation) {
  }

  @GetMapping
  @PreAuthorize("@access.mayOperate()")
  public List<PartnerState> list() {
    return onboarding.partners();
  }

  @PostMapping
  @PreAuthorize("@access.mayOperate()")
  public ResponseEntity<Onboarded> create(@Valid @RequestBody NewPartner request, Principal who) {
    Issued issued = onboarding.create(request, who.getName());
    return ResponseEntity.created(URI.create("/api/partners/" + request.id()))
        .body(new Onboarded(onboarding.partner(request.id()), invitation(issued)));
  }

  @GetMapping("/{partnerId}")
  @PreAuthorize("@access.mayOperate()")
  public PartnerState show(@PathVariable String partnerId) {
    return onboarding.partner(partnerId);
  }

  @PostMapping("/{partnerId}/admins")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("@access.mayOperate()")
  public Invitation addAdmin(@PathVariable String partnerId, @Valid @RequestBody NewAdmin admin, Principal who) {
    return invitation(onboarding.addAdmin(partnerId, admin, who.getName()));
  }

  @PostMapping("/{partnerId}/admins/{userId}/invitation")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("@access.mayOperate()")
  public Invitation inviteAgain(@PathVariable String partnerId, @PathVariable String userId, Principal who) {
    return invitation(onboarding.inviteAgain(partnerId, userId, who.getName()));
  }

  @PostMapping("/{partnerId}/deactivation")
  @PreAuthorize("@access.mayOperate()")
  public PartnerState deactivate(@PathVariable String partnerId,
      @Valid @RequestBody(required = false) Deactivation request, Principal who) {
    return onboarding.deactivate(partnerId, request == null ? null : request.reason(), who.getName());
  }

  @DeleteMapping("/{partnerId}/deactivation")
  @PreAuthorize("@access.mayOperate()")
  public PartnerState reactivate(@PathVariable String partnerId, Principal who) {
    return onboarding.reactivate(partnerId, who.getName());
  }

  @GetMapping("/{partnerId}/events")
  @PreAuthorize("@access.mayOperate()")
  public List<PartnerEvent> events(@PathVariable String partnerId) {
    return onboarding.events(partnerId);
  }

  private static Invitation invitation(Issued issued) {
    String link = ServletUriComponentsBuilder.fromCurrentContextPath().path(WELCOME_PAGE).build().toUriString()
        + "#" + issued.token();
    return new Invitation(issued.userId(), link, issued.expiresAt());
  }
}
