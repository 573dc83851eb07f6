package com.referraldesk.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import com.referraldesk.JourneyTestSupport;
import com.referraldesk.QueryCount;
import com.referraldesk.api.Refused;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.referral.EngagementEdit;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Partners review their ended referrals through the archive API, page by page. */
class ArchiveApiTest extends JourneyTestSupport {

  private static final String ACME_ARCHIVE = "/api/partners/acme/archived-referrals";
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>; rel=\"next\"");
  private static final Instant MARCH_5 = Instant.parse("2026-03-05T00:00:00Z");

  @Autowired
  ReferralArchive archive;

  @BeforeEach
  void otherPartners() {
    partners.addPartner(new Partner("globex", "Globex", "globexSales"));
  }

  @Test
  void listsAndShowsAPartnersArchivedReferral() throws Exception {
    ProcessInstance referral = arrivedReferral(true);
    formService().submitTaskForm(task("Task_RespondToReferral", referral).getId(), Map.of(
        "decision", "decline", "declineReason", "region-not-served", "declineNotes", "Berlin only"));
    execute(job("Task_ArchiveDeclined", referral));
    String referralId = referral.getBusinessKey();

    api.perform(get(ACME_ARCHIVE))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.referrals[*].referralId", hasItem(referralId)))
        .andExpect(jsonPath("$.next").value(nullValue()))
        .andExpect(header().doesNotExist(HttpHeaders.LINK));
    api.perform(get(ACME_ARCHIVE + "/{id}", referralId))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.finalState").value("DECLINED"))
        .andExpect(jsonPath("$.declineReason").value("region-not-served"))
        .andExpect(jsonPath("$.declineNotes").value("Berlin only"))
        .andExpect(jsonPath("$.customerCompany").value("Northwind Traders"))
        .andExpect(jsonPath("$.contactRequested").value(true))
        .andExpect(jsonPath("$.receivedAt").value("2026-03-02T08:00:00Z"))
        .andExpect(jsonPath("$.responseSeconds").value(0));

    api.perform(get("/api/partners/globex/archived-referrals/{id}", referralId))
        .andExpect(status().isNotFound());
    api.perform(get("/api/partners/globex/archived-referrals"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.referrals[*].referralId", not(hasItem(referralId))));
  }

  @Test
  void followingNextListsEveryReferralOnceNewestFirstWhileOthersAreArchived() throws Exception {
    // Seven referrals, two pairs closed at the same instant: the id orders each pair.
    archived("r-1", FinalState.WON, MARCH_5);
    archived("r-2", FinalState.LOST, MARCH_5.plusSeconds(60));
    archived("r-4", FinalState.DECLINED, MARCH_5.plusSeconds(120));
    archived("r-3", FinalState.EXPIRED, MARCH_5.plusSeconds(120));
    archived("r-5", FinalState.WON, MARCH_5.plusSeconds(180));
    archived("r-7", FinalState.LOST, MARCH_5.plusSeconds(240));
    archived("r-6", FinalState.WON, MARCH_5.plusSeconds(240));
    archived("other", FinalState.WON, MARCH_5.plusSeconds(300), "globex");

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    URI page = URI.create("http://localhost" + ACME_ARCHIVE + "?limit=3");
    while (page != null) {
      MockHttpServletResponse answer = api.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse();
      List<String> ids = JsonPath.read(answer.getContentAsString(), "$.referrals[*].referralId");
      seen.addAll(ids);
      pageSizes.add(ids.size());
      page = nextPage(answer);
      if (pageSizes.size() == 1) {
        // Archived between two pages: it closes after everything listed, so the pages after the first stay as they were.
        archived("r-new", FinalState.WON, MARCH_5.plus(Duration.ofDays(1)));
      }
    }

    assertThat(seen).containsExactly("r-6", "r-7", "r-5", "r-3", "r-4", "r-2", "r-1");
    assertThat(pageSizes).containsExactly(3, 3, 1);
    api.perform(get(ACME_ARCHIVE).param("limit", "3"))
        .andExpect(jsonPath("$.referrals[0].referralId").value("r-new"));
  }

  @Test
  void aPageCarriesEachReferralsOwnContactsAndEdits() throws Exception {
    archived("r-1", FinalState.WON, MARCH_5);
    archived("r-2", FinalState.LOST, MARCH_5.plusSeconds(60));

    api.perform(get(ACME_ARCHIVE))
        .andExpect(jsonPath("$.referrals[*].referralId", contains("r-2", "r-1")))
        .andExpect(jsonPath("$.referrals[0].contacts[*].email", contains("first@r-2.example", "second@r-2.example")))
        .andExpect(jsonPath("$.referrals[0].edits[*].action", contains("saved", "lost")))
        .andExpect(jsonPath("$.referrals[0].edits[*].referralId", everyItem(is("r-2"))))
        .andExpect(jsonPath("$.referrals[1].contacts[*].email", contains("first@r-1.example", "second@r-1.example")))
        .andExpect(jsonPath("$.referrals[1].edits[*].action", contains("saved", "won")));
    api.perform(get(ACME_ARCHIVE + "/r-1"))
        .andExpect(jsonPath("$.contacts[*].email", contains("first@r-1.example", "second@r-1.example")))
        .andExpect(jsonPath("$.edits[*].action", contains("saved", "won")));
  }

  @Test
  void filtersByStateAndByClosingDaysInUtcBothIncluded() throws Exception {
    archived("before", FinalState.WON, MARCH_5.minusNanos(1000));
    archived("first-moment", FinalState.WON, MARCH_5);
    archived("lost", FinalState.LOST, MARCH_5.plus(Duration.ofHours(12)));
    archived("expired", FinalState.EXPIRED, MARCH_5.plus(Duration.ofDays(1)));
    archived("last-moment", FinalState.DECLINED, MARCH_5.plus(Duration.ofDays(2)).minusNanos(1000));
    archived("after", FinalState.WON, MARCH_5.plus(Duration.ofDays(2)));

    assertThat(ids(get(ACME_ARCHIVE).param("closedFrom", "2026-03-05").param("closedTo", "2026-03-06")))
        .containsExactly("last-moment", "expired", "lost", "first-moment");
    assertThat(ids(get(ACME_ARCHIVE).param("closedTo", "2026-03-05"))).containsExactly("lost", "first-moment", "before");
    assertThat(ids(get(ACME_ARCHIVE).param("closedFrom", "2026-03-07"))).containsExactly("after");
    assertThat(ids(get(ACME_ARCHIVE).param("state", "WON")))
        .containsExactly("after", "first-moment", "before");
    assertThat(ids(get(ACME_ARCHIVE).param("state", "LOST", "EXPIRED"))).containsExactly("expired", "lost");
    assertThat(ids(get(ACME_ARCHIVE).param("state", "DECLINED,LOST"))).containsExactly("last-moment", "lost");
    assertThat(ids(get(ACME_ARCHIVE).param("state", "WON").param("closedFrom", "2026-03-05").param("closedTo", "2026-03-05")))
        .containsExactly("first-moment");

    // The next page keeps the filters and the limit.
    MockHttpServletResponse first = api.perform(get(ACME_ARCHIVE).param("state", "WON", "DECLINED")
        .param("closedFrom", "2026-03-05").param("closedTo", "2026-03-06").param("limit", "1")).andReturn().getResponse();
    URI next = nextPage(first);
    assertThat(next.getQuery()).startsWith("state=WON&state=DECLINED&closedFrom=2026-03-05&closedTo=2026-03-06&limit=1&after=");
    assertThat(next.getPath()).isEqualTo(ACME_ARCHIVE);
    assertThat(ids(get(next))).containsExactly("first-moment");
    assertThat((String) JsonPath.read(first.getContentAsString(), "$.next")).isEqualTo(
        next.getQuery().substring(next.getQuery().indexOf("after=") + "after=".length()));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      after      | garbage!                              | is not a cursor of this listing: send the 'next' of the previous page unchanged
      after      | ****                                  | is not a cursor of this listing: send the 'next' of the previous page unchanged
      after      | AAAA                                  | is not a cursor of this listing: send the 'next' of the previous page unchanged
      after      | SQL                                   | is not a cursor of this listing: send the 'next' of the previous page unchanged
      after      | TAMPERED                              | is not a cursor of this listing: send the 'next' of the previous page unchanged
      after      | LAST-CHARACTER                        | is not a cursor of this listing: send the 'next' of the previous page unchanged
      after      | FORGED                                | is not a cursor of this listing: send the 'next' of the previous page unchanged
      after      | ""                                    | is not a cursor of this listing: send the 'next' of the previous page unchanged
      after      | LONG                                  | is too long: at most 200 characters
      state      | won                                   | must be one of [WON, LOST, DECLINED, EXPIRED, SKIPPED, MISSED], was 'won'
      state      | WON,PENDING                           | must be one of [WON, LOST, DECLINED, EXPIRED, SKIPPED, MISSED], was 'WON,PENDING'
      closedFrom | 2026-02-30                            | must be a date such as 2026-03-31, was '2026-02-30'
      closedTo   | 05.03.2026                            | must be a date such as 2026-03-31, was '05.03.2026'
      limit      | 0                                     | must be between 1 and 500
      limit      | 501                                   | must be between 1 and 500
      limit      | abc                                   | must be of type int, was 'abc'
      """)
  void hostileCursorsAndParametersAre400NamingTheField(String field, String value, String message) throws Exception {
    archived("r-1", FinalState.WON, MARCH_5);
    archived("r-2", FinalState.WON, MARCH_5.plusSeconds(1));
    String cursor = new ArchiveCursor(MARCH_5, "r-1").encode();
    String sent = switch (value) {
      case "TAMPERED" -> cursor.substring(0, 10) + (cursor.charAt(10) == 'A' ? 'B' : 'A') + cursor.substring(11);
      case "LAST-CHARACTER" -> lastCharacterChanged(cursor);
      case "FORGED" -> cursor.substring(0, cursor.length() - 22) + "A".repeat(22);
      case "SQL" -> "' or 1=1; drop table archived_referral --";
      case "LONG" -> cursor + "A".repeat(ArchiveCursor.MAX_LENGTH);
      default -> value;
    };
    api.perform(get(ACME_ARCHIVE).param(field, sent)).andExpect(Refused.naming(field, message));
  }

  @Test
  void aRangeThatEndsBeforeItStartsNamesBothEnds() throws Exception {
    api.perform(get(ACME_ARCHIVE).param("closedFrom", "2026-03-06").param("closedTo", "2026-03-05"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", contains("closedFrom", "closedTo")))
        .andExpect(jsonPath("$.detail").value(
            "closedFrom must not be after closedTo (2026-03-05); closedTo must not be before closedFrom (2026-03-06)"));
  }

  @Test
  void aPageCostsTheSameStatementsWhateverItsSize() throws Exception {
    IntStream.range(0, 20).forEach(i -> archived("r-%02d".formatted(i), FinalState.WON, MARCH_5.plusSeconds(i)));
    api.perform(get(ACME_ARCHIVE)).andExpect(status().isOk()); // whatever a first request sets up is not counted

    int pageOf2 = QueryCount.during(() -> api.perform(get(ACME_ARCHIVE).param("limit", "2"))
        .andExpect(jsonPath("$.referrals.length()").value(2)));
    int pageOf20 = QueryCount.during(() -> api.perform(get(ACME_ARCHIVE).param("limit", "20"))
        .andExpect(jsonPath("$.referrals.length()").value(20))
        .andExpect(jsonPath("$.referrals[19].contacts.length()").value(2))
        .andExpect(jsonPath("$.referrals[19].edits.length()").value(2)));
    assertThat(pageOf20).as("statements of a request for 20 referrals, as for 2").isEqualTo(pageOf2);

    // The archive's own part: referrals, their contacts, their edits.
    ArchiveQuery all = new ArchiveQuery(Set.of(), null, null, null, null, 20);
    assertThat(QueryCount.during(() -> archive.page("acme", all))).isEqualTo(3);
    assertThat(QueryCount.during(() -> archive.page("acme", new ArchiveQuery(Set.of(FinalState.WON),
        LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-05"), "Customer", new ArchiveCursor(MARCH_5.plusSeconds(18), "r-18"),
        2)))).isEqualTo(3);
    assertThat(QueryCount.during(() -> archive.page("globex", all))).as("an empty page").isEqualTo(1);
    assertThat(QueryCount.during(() -> archive.find("r-07"))).isEqualTo(3);
  }

  @Test
  void unknownPartnersAndBadLimitsAreRefusedClearly() throws Exception {
    api.perform(get("/api/partners/nobody/archived-referrals"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("unknown partner nobody"));
    api.perform(get(ACME_ARCHIVE).param("limit", "5000"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("limit must be between 1 and 500"))
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
  }

  @Test
  void theCsvHoldsEveryMatchingReferralPastTheFirstPageNewestFirst() throws Exception {
    int won = ArchiveController.MAX_PAGE + 2;
    IntStream.range(0, won).forEach(i -> archived("w-%03d".formatted(i), FinalState.WON, MARCH_5.plusSeconds(i)));
    archived("lost", FinalState.LOST, MARCH_5.plusSeconds(10));
    archived("other", FinalState.WON, MARCH_5, "globex");

    MockHttpServletResponse answer = api.perform(get(ACME_ARCHIVE + ".csv").param("state", "WON"))
        .andExpect(status().isOk())
        .andExpect(content().contentType("text/csv;charset=UTF-8"))
        .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"acme-archived-referrals.csv\""))
        .andReturn().getResponse();

    List<Map<String, String>> rows = csvRows(answer.getContentAsString());
    assertThat(rows).hasSize(won);
    assertThat(rows).extracting(row -> row.get("finalState")).containsOnly("WON");
    assertThat(rows.get(0).get("referralId")).isEqualTo("w-%03d".formatted(won - 1));
    assertThat(rows.get(won - 1).get("referralId")).isEqualTo("w-000");
    assertThat(rows.get(0)).containsEntry("closedAt", MARCH_5.plusSeconds(won - 1).toString())
        .containsEntry("customerCompany", "Customer w-%03d".formatted(won - 1))
        .containsEntry("partnerId", "acme")
        .containsEntry("responseSeconds", "600")
        .containsEntry("contactRequested", "false")
        .containsEntry("contacts", "First <first@w-%1$03d.example>; Second <second@w-%1$03d.example>".formatted(won - 1))
        .containsEntry("edits", "%s anna saved; %s anna won".formatted(
            MARCH_5.plusSeconds(won - 1).minus(Duration.ofDays(3)).plusSeconds(700), MARCH_5.plusSeconds(won - 1)));
  }

  @Test
  void theCsvKeepsWhatCustomersAndPartnersTypedAsTextNeverAsAFormula() throws Exception {
    Instant received = MARCH_5.minus(Duration.ofDays(2));
    archive.archive(new ArchivedReferral("r-evil", "pi-evil", "acme", ACME_BERLIN, FinalState.LOST, received,
        received.plusSeconds(60), null, received.plusSeconds(60), MARCH_5, 60L, "=HYPERLINK(\"http://evil\")",
        "+Nancy", "@nancy@customer.example", "-1 555 0100", "DE", "medium", "retail", "One ERP, \"fast\"\nfor 40 stores",
        "=SUM(A1)", "@products", true, "customer-search", "\tERP", new BigDecimal("125000.50"), "3-6-months",
        LocalDate.parse("2026-09-30"), "\rcarriage", "=1+2", null, null, "price", "anna",
        List.of(new Contact("=cmd|' /C calc'!A0", "+49 30 555", "bob@acme.example")), List.of()));

    String csv = api.perform(get(ACME_ARCHIVE + ".csv")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();

    assertThat(csv).as("starts with the byte order mark, so spreadsheets read UTF-8").startsWith("\uFEFFreferralId,");
    assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",");
    assertThat(csvRows(csv)).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("customerCompany", "'=HYPERLINK(\"http://evil\")")
        .containsEntry("customerContactName", "'+Nancy")
        .containsEntry("customerEmail", "'@nancy@customer.example")
        .containsEntry("customerPhone", "'-1 555 0100")
        .containsEntry("requestDetails", "One ERP, \"fast\"\nfor 40 stores")
        .containsEntry("customerKeywords", "'=SUM(A1)")
        .containsEntry("customerProducts", "'@products")
        .containsEntry("engagementName", "'\tERP")
        .containsEntry("estimatedValue", "125000.50")
        .containsEntry("estimatedPurchaseDate", "2026-09-30")
        .containsEntry("notes", "'\rcarriage")
        .containsEntry("crmId", "'=1+2")
        .containsEntry("lostReason", "price")
        .containsEntry("contacts", "'=cmd|' /C calc'!A0 <bob@acme.example> +49 30 555")
        .containsEntry("edits", ""));
  }

  @Test
  void findsACustomerByAnyPartOfItsCompanyNameInAnyCase() throws Exception {
    archived("northwind", FinalState.WON, MARCH_5);
    archived("50%-off", FinalState.LOST, MARCH_5.plusSeconds(1));
    archived("fifty", FinalState.EXPIRED, MARCH_5.plusSeconds(2));

    assertThat(ids(get(ACME_ARCHIVE).param("customer", "NORTHW"))).containsExactly("northwind");
    assertThat(ids(get(ACME_ARCHIVE).param("customer", "%"))).as("a percent sign is no wildcard").containsExactly("50%-off");
    assertThat(ids(get(ACME_ARCHIVE).param("customer", "customer _"))).as("_ is no wildcard").isEmpty();
    assertThat(ids(get(ACME_ARCHIVE).param("customer", " "))).as("blank searches nothing").hasSize(3);
    assertThat(csvIds(get(ACME_ARCHIVE + ".csv").param("customer", "northwind"))).containsExactly("northwind");
    URI next = nextPage(api.perform(get(ACME_ARCHIVE).param("customer", "Customer").param("limit", "1"))
        .andReturn().getResponse());
    assertThat(next.getQuery()).as("the next page keeps the search").contains("customer=Customer");

    api.perform(get(ACME_ARCHIVE).param("customer", "x".repeat(201))).andExpect(Refused.naming("customer"));
    api.perform(get(ACME_ARCHIVE + ".csv").param("customer", "a\nb")).andExpect(Refused.naming("customer"));
  }

  @Test
  void theCsvTakesTheListsFiltersAndRefusesWhatTheListRefuses() throws Exception {
    archived("won", FinalState.WON, MARCH_5);
    archived("lost", FinalState.LOST, MARCH_5.plus(Duration.ofDays(1)));
    archived("expired", FinalState.EXPIRED, MARCH_5.plus(Duration.ofDays(2)));

    assertThat(csvIds(get(ACME_ARCHIVE + ".csv").param("state", "LOST,EXPIRED"))).containsExactly("expired", "lost");
    assertThat(csvIds(get(ACME_ARCHIVE + ".csv").param("closedFrom", "2026-03-05").param("closedTo", "2026-03-06")))
        .containsExactly("lost", "won");
    assertThat(csvIds(get(ACME_ARCHIVE + ".csv").param("state", "DECLINED"))).as("only the header").isEmpty();

    api.perform(get(ACME_ARCHIVE + ".csv").param("state", "won").accept("text/csv"))
        .andExpect(Refused.naming("state", "must be one of [WON, LOST, DECLINED, EXPIRED, SKIPPED, MISSED], was 'won'"));
    api.perform(get(ACME_ARCHIVE + ".csv").param("closedFrom", "2026-03-06").param("closedTo", "2026-03-05"))
        .andExpect(Refused.naming("closedFrom"))
        .andExpect(Refused.naming("closedTo"));
    api.perform(get(ACME_ARCHIVE + ".csv").param("closedTo", "2026-02-30"))
        .andExpect(Refused.naming("closedTo", "must be a date such as 2026-03-31, was '2026-02-30'"));
    api.perform(get("/api/partners/nobody/archived-referrals.csv"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void anAdministratorMayReadEveryPartnersArchive() throws Exception {
    api.perform(get("/api/archives"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].partnerId", contains("acme", "globex")))
        .andExpect(jsonPath("$[*].partnerName", contains("Acme Integrators", "Globex")));
  }

  /** The cursor with its last character changed in the bits base64 leaves unused: it decodes to the same bytes. */
  private static String lastCharacterChanged(String cursor) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(cursor.charAt(cursor.length() - 1));
    return cursor.substring(0, cursor.length() - 1) + alphabet.charAt(last ^ 1);
  }

  private void archived(String referralId, FinalState state, Instant closedAt) {
    archived(referralId, state, closedAt, "acme");
  }

  /** An ended referral stored as the archive step stores it, with two contacts and two edits. */
  private void archived(String referralId, FinalState state, Instant closedAt, String partnerId) {
    Instant receivedAt = closedAt.minus(Duration.ofDays(3));
    archive.archive(new ArchivedReferral(referralId, "pi-" + referralId, partnerId, ACME_BERLIN, state, receivedAt,
        receivedAt.plusSeconds(600), null, receivedAt.plusSeconds(600), closedAt, 600L, "Customer " + referralId, "Nancy", "nancy@customer.example", null,
        "DE", "medium", "retail", "One ERP", "erp", "Dynamics 365", false, "customer-search", "ERP " + referralId, null,
        null, null, null, null, null, null, null, "anna",
        List.of(new Contact("First", null, "first@" + referralId + ".example"),
            new Contact("Second", null, "second@" + referralId + ".example")),
        List.of()));
    archive.recordEdit(edit(referralId, receivedAt.plusSeconds(700), "saved"));
    archive.recordEdit(edit(referralId, closedAt, state.name().toLowerCase()));
  }

  private static EngagementEdit edit(String referralId, Instant at, String action) {
    return new EngagementEdit(referralId, at, "anna", action, "ERP " + referralId, null, null, null, null, 0);
  }

  private List<String> csvIds(MockHttpServletRequestBuilder request) throws Exception {
    String csv = api.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return csvRows(csv).stream().map(row -> row.get("referralId")).toList();
  }

  /** The CSV's lines after the header as cells by column name, read as RFC 4180 says; the byte order mark dropped. */
  private static List<Map<String, String>> csvRows(String csv) {
    List<List<String>> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ',') {
        line.add(cell.toString());
        cell.setLength(0);
      } else if (!quoted && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        line.add(cell.toString());
        cell.setLength(0);
        lines.add(line);
        line = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    assertThat(line).as("the last line ends with CRLF").isEmpty();
    List<String> header = lines.get(0);
    return lines.subList(1, lines.size()).stream().map(cells -> {
      assertThat(cells).as("a cell for each column").hasSameSizeAs(header);
      Map<String, String> row = new LinkedHashMap<>();
      IntStream.range(0, header.size()).forEach(i -> row.put(header.get(i), cells.get(i)));
      return row;
    }).toList();
  }

  private List<String> ids(MockHttpServletRequestBuilder request) throws Exception {
    String body = api.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return JsonPath.read(body, "$.referrals[*].referralId");
  }

  private static URI nextPage(MockHttpServletResponse answer) throws Exception {
    String link = answer.getHeader(HttpHeaders.LINK);
    Object next = JsonPath.read(answer.getContentAsString(), "$.next");
    if (link == null) {
      assertThat(next).as("no Link, no next").isNull();
      return null;
    }
    Matcher url = NEXT_LINK.matcher(link);
    assertThat(url.matches()).as(link).isTrue();
    assertThat(next).as("next in the body").isNotNull();
    return URI.create(url.group(1));
  }
}
