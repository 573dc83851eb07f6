package com.referraldesk.archive;

import static com.referraldesk.api.NotFound.unlessFound;

import com.referraldesk.api.InvalidRequestException;
import com.referraldesk.registration.DealRegistration;
import com.referraldesk.registration.DealRegistrations;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hibernate.validator.constraints.Range;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A partner's archived referrals of both journeys: won, lost, declined, expired, skipped and missed, with everything
 * entered on the way, and the deal registration of a won one.
 */
@RestController
@RequestMapping("/api/partners/{partnerId}/archived-referrals")
public class ArchiveController {

  static final int MAX_PAGE = 500;

  private final ReferralArchive archive;
  private final DealRegistrations registrations;

  ArchiveController(ReferralArchive archive, DealRegistrations registrations) {
    this.archive = archive;
    this.registrations = registrations;
  }

  /**
   * A page of the partner's archived referrals, most recently closed first, and the cursor of the next page both in
   * the body ({@code next}) and as the full URL of the next page in the {@code Link} header (RFC 8288,
   * {@code rel="next"}), with the same filters and limit. Following it until there is none lists every archived
   * referral once, also when others are archived meanwhile (they come before the first page).
   */
  @GetMapping
  @PreAuthorize("@access.mayRead(#partnerId)")
  public ResponseEntity<ArchivePage> list(@PathVariable String partnerId,
      @RequestParam(required = false) List<FinalState> state,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate closedFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate closedTo,
      @RequestParam(required = false) @Size(max = ArchiveCursor.MAX_LENGTH) String after,
      @RequestParam(defaultValue = "100") @Range(min = 1, max = MAX_PAGE) int limit) {
    if (closedFrom != null && closedTo != null && closedFrom.isAfter(closedTo)) {
      throw new InvalidRequestException("closedFrom", "must not be after closedTo (" + closedTo + ")")
          .and("closedTo", "must not be before closedFrom (" + closedFrom + ")");
    }
    // state=WON,LOST and state=WON&state=LOST alike; an empty item (state=, state=WON,) filters nothing.
    Set<FinalState> states = EnumSet.noneOf(FinalState.class);
    if (state != null) {
      state.stream().filter(Objects::nonNull).forEach(states::add);
    }
    ArchivePage page = archive.page(partnerId,
        new ArchiveQuery(states, closedFrom, closedTo, ArchiveCursor.parse(after), limit));
    if (page.next() == null) {
      return ResponseEntity.ok(page);
    }
    UriComponentsBuilder next = ServletUriComponentsBuilder.fromCurrentRequestUri();
    states.forEach(s -> next.queryParam("state", s));
    if (closedFrom != null) {
      next.queryParam("closedFrom", closedFrom);
    }
    if (closedTo != null) {
      next.queryParam("closedTo", closedTo);
    }
    next.queryParam("limit", limit).queryParam("after", page.next());
    return ResponseEntity.ok()
        .header(HttpHeaders.LINK, "<" + next.toUriString() + ">; rel=\"next\"")
        .body(page);
  }

  @GetMapping("/{referralId}")
  @PreAuthorize("@access.mayRead(#partnerId)")
  public ArchivedReferral show(@PathVariable String partnerId, @PathVariable String referralId) {
    return unlessFound(archive.find(referralId).filter(referral -> referral.partnerId().equals(partnerId)),
        "partner " + partnerId + " has no archived referral " + referralId);
  }

  /**
   * The co-sell deal registration of one of the partner's won referrals: where it stands, what was registered, who
   * decided and why, and every round of the review's questions and answers; 404 when the partner has no such
   * registration (also when it is another partner's).
   */
  @GetMapping("/{referralId}/deal-registration")
  @PreAuthorize("@access.mayRead(#partnerId)")
  public DealRegistration dealRegistration(@PathVariable String partnerId, @PathVariable String referralId) {
    return unlessFound(registrations.find(referralId).filter(registration -> registration.partnerId().equals(partnerId)),
        "partner " + partnerId + " has no deal registration of referral " + referralId);
  }
}
