package com.referraldesk.partner;

import com.referraldesk.api.EmailAddress;
import com.referraldesk.api.InvalidRequestException;
import com.referraldesk.api.OneLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A partner admin lists and adds the partner's own users: its sales people, who then work in Tasklist. */
@RestController
@RequestMapping("/api/partners/{partnerId}/users")
public class PartnerUserController {

  private final PartnerDirectory partners;
  private final PartnerUsers users;
  private final IdentityService identity;

  PartnerUserController(PartnerDirectory partners, PartnerUsers users, IdentityService identity) {
    this.partners = partners;
    this.users = users;
    this.identity = identity;
  }

  public record PartnerUser(String id, String firstName, String lastName, String email, boolean partnerAdmin) {
  }

  public record NewPartnerUser(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9]*", message = "may hold only letters and digits") String id,
      @NotBlank @Size(max = 100) @OneLine String firstName,
      @NotBlank @Size(max = 100) @OneLine String lastName,
      @NotBlank @EmailAddress String email,
      @NotBlank @Size(min = PartnerUsers.MIN_PASSWORD, message = "is too short: at least {min} characters") @Size(max = 200) @OneLine
      String password,
      Boolean partnerAdmin) {
  }

  @GetMapping
  @PreAuthorize("@access.mayManage(#partnerId)")
  public List<PartnerUser> list(@PathVariable String partnerId) {
    Partner partner = partners.require(partnerId);
    return identity.createUserQuery().memberOfGroup(partner.groupId()).orderByUserId().asc().list().stream()
        .map(this::view).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("@access.mayManage(#partnerId)")
  public PartnerUser add(@PathVariable String partnerId, @Valid @RequestBody NewPartnerUser request) {
    Partner partner = partners.require(partnerId);
    if (users.exists(request.id())) {
      throw new InvalidRequestException("id", "is taken");
    }
    return view(users.add(partner, request.id(), request.firstName(), request.lastName(), request.email(),
        request.password(), Boolean.TRUE.equals(request.partnerAdmin())));
  }

  private PartnerUser view(User user) {
    return new PartnerUser(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
        users.isAdmin(user.getId()));
  }
}
