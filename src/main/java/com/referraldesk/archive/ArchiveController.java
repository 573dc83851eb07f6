package com.referraldesk.archive;

import static com.referraldesk.api.NotFound.unlessFound;

import com.referraldesk.api.OneLine;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.registration.DealRegistration;
import com.referraldesk.registration.DealRegistrations;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.validator.constraints.Range;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PostFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A partner's archived referrals of both journeys: won, lost, declined, expired, skipped and missed, with everything
 * entered on the way, as pages of JSON or one CSV file, and the deal registration of a won one.
 */
@RestController
public class ArchiveController {

  static final int MAX_PAGE = 500;
  /** As long as a customer company's name may be. */
  private static final int MAX_CUSTOMER = 200;
  private static final String LIST = "/api/partners/{partnerId}/archived-referrals";

  private final ReferralArchive archive;
  private final DealRegistrations registrations;
  private final PartnerDirectory partners;

  ArchiveController(ReferralArchive archive, DealRegistrations registrations, PartnerDirectory partners) {
    this.archive = archive;
    this.registrations = registrations;
    this.partners = partners;
  }

  /**
   * The partners whose archives the caller may read, by id: a partner's people their own, referral managers and
   * administrators every one. Pages let a person in several partners' groups choose.
   */
  @GetMapping("/api/archives")
  @PostFilter("@access.reads(filterObject.partnerId())")
  public List<ReadableArchive> readable() {
    return partners.partners().stream()
        .map(partner -> new ReadableArchive(partner.id(), partner.name()))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  /**
   * A page of the partner's archived referrals, most recently closed first, and the cursor of the next page both in
   * the body ({@code next}) and as the full URL of the next page in the {@code Link} header (RFC 8288,
   * {@code rel="next"}), with the same filters and limit. Following it until there is none lists every archived
   * referral once, also when others are archived meanwhile (they come before the first page).
   */
  @GetMapping(LIST)
  @PreAuthorize("@access.mayRead(#partnerId)")
  public ResponseEntity<ArchivePage> list(@PathVariable String partnerId,
      @RequestParam(required = false) List<FinalState> state,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate closedFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate closedTo,
      @RequestParam(required = false) @Size(max = MAX_CUSTOMER) @OneLine String customer,
      @RequestParam(required = false) @Size(max = ArchiveCursor.MAX_LENGTH) String after,
      @RequestParam(defaultValue = "100") @Range(min = 1, max = MAX_PAGE) int limit) {
    ArchiveQuery query = ArchiveQuery.of(state, closedFrom, closedTo, customer, ArchiveCursor.parse(after), limit);
    ArchivePage page = archive.page(partnerId, query);
    if (page.next() == null) {
      return ResponseEntity.ok(page);
    }
    UriComponentsBuilder next = ServletUriComponentsBuilder.fromCurrentRequestUri();
    query.states().forEach(s -> next.queryParam("state", s));
    if (closedFrom != null) {
      next.queryParam("closedFrom", closedFrom);
    }
    if (closedTo != null) {
      next.queryParam("closedTo", closedTo);
    }
    if (query.customer() != null) {
      next.queryParam("customer", query.customer());
    }
    next.queryParam("limit", limit).queryParam("after", page.next());
    return ResponseEntity.ok()
        .header(HttpHeaders.LINK, "<" + next.toUriString() + ">; rel=\"next\"")
        .body(page);
  }

  /**
   * Every archived referral of the partner that the filters match, as one CSV file (see {@link ArchiveCsv}), in the
   * list's order. Read page by page and written as it is read, so a large archive is never held whole. The filters
   * are checked before the first line, so a refusal is still a problem answer.
   */
  @GetMapping(LIST + ".csv")
  @PreAuthorize("@access.mayRead(#partnerId)")
  @ApiResponse(responseCode = "200", description = "One line per archived referral, after a header line",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  public void csv(@PathVariable String partnerId,
      @RequestParam(required = false) List<FinalState> state,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate closedFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate closedTo,
      @RequestParam(required = false) @Size(max = MAX_CUSTOMER) @OneLine String customer,
      HttpServletResponse response) throws IOException {
    ArchiveQuery query = ArchiveQuery.of(state, closedFrom, closedTo, customer, null, MAX_PAGE);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(partnerId + "-archived-referrals.csv").build().toString());
    ArchiveCsv csv = new ArchiveCsv(response.getWriter());
    ArchivePage page;
    do {
      page = archive.page(partnerId, query);
      csv.write(page.referrals());
      query = query.following(page.next());
    } while (page.next() != null);
  }

  @GetMapping(LIST + "/{referralId}")
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
  @GetMapping(LIST + "/{referralId}/deal-registration")
  @PreAuthorize("@access.mayRead(#partnerId)")
  public DealRegistration dealRegistration(@PathVariable String partnerId, @PathVariable String referralId) {
    return unlessFound(registrations.find(referralId).filter(registration -> registration.partnerId().equals(partnerId)),
        "partner " + partnerId + " has no deal registration of referral " + referralId);
  }
}
