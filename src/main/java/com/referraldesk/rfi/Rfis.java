package com.referraldesk.rfi;

import com.referraldesk.partner.Terms;
import com.referraldesk.referral.CustomerRequest;
import com.referraldesk.routing.CustomerNeed;
import com.referraldesk.routing.Matching;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes customers' RFIs, as their constraints let them in: checks that some partner can serve the customer, stores
 * the RFI once per request id and starts its process, which routes it in a step of its own.
 */
@Service
public class Rfis {

  static final int MAX_TERMS = 20;

  private final JdbcClient jdbc;
  private final Matching matching;
  private final RfiRouting routing;
  private final RuntimeService runtimeService;
  private final Clock clock;

  Rfis(JdbcClient jdbc, Matching matching, RfiRouting routing, RuntimeService runtimeService, Clock clock) {
    this.jdbc = jdbc;
    this.matching = matching;
    this.routing = routing;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** The answer to a submission: the RFI's receipt, and whether this submission created it. */
  public record Submission(RfiReceipt receipt, boolean created) {
  }

  /**
   * Stores the RFI and starts its process in one transaction, or finds the one stored before under its request id.
   * Refused, storing nothing, when no partner could get it.
   */
  @Transactional
  public Submission submit(RfiRequest request) {
    Optional<RfiReceipt> earlier = receipt(request.requestId());
    if (earlier.isPresent()) {
      return new Submission(earlier.get(), false);
    }
    var customer = request.customer();
    List<String> chosen = request.partners() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.partners()));
    boolean findBestMatches = Boolean.TRUE.equals(request.findBestMatches()) || chosen.isEmpty();
    CustomerNeed need = new CustomerNeed(customer.country(), customer.companySize(), customer.industry(),
        Terms.normalized(Stream.of(request.need().keywords(), request.need().products())
            .filter(terms -> terms != null).flatMap(List::stream).toList()));
    Set<String> eligible = matching.eligiblePartners(need);
    List<String> unavailable = chosen.stream().filter(partnerId -> !eligible.contains(partnerId)).toList();
    if (unavailable.size() == chosen.size() && (!findBestMatches || eligible.isEmpty())) {
      throw new RfiNotServable(need, findBestMatches, unavailable);
    }

    String rfiId = UUID.randomUUID().toString();
    Instant receivedAt = clock.instant();
    boolean contactRequested = Boolean.TRUE.equals(request.contactRequested());
    String language = customer.language() == null ? "en" : customer.language();
    jdbc.sql("""
            insert into rfi (id, request_id, received_at, customer_company, customer_contact_name, customer_email,
              customer_phone, customer_country, customer_company_size, customer_industry, customer_language,
              request_details, customer_keywords, customer_products, contact_requested, source, find_best_matches)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(rfiId, request.requestId(), Timestamp.from(receivedAt), customer.company(),
            customer.contactName(), customer.email(), customer.phone(), customer.country(), customer.companySize(),
            customer.industry(), language, request.need().details(), asWritten(request.need().keywords()),
            asWritten(request.need().products()), contactRequested, request.source(), findBestMatches)
        .update();
    insertTerms(rfiId, "keyword", request.need().keywords());
    insertTerms(rfiId, "product", request.need().products());
    for (int i = 0; i < chosen.size(); i++) {
      String partnerId = chosen.get(i);
      jdbc.sql("insert into rfi_chosen_partner (rfi_id, partner_id, position, unavailable_reason) values (?, ?, ?, ?)")
          .params(rfiId, partnerId, i + 1, unavailable.contains(partnerId) ? RfiRouting.NOT_ELIGIBLE : null)
          .update();
    }
    runtimeService.startProcessInstanceByKey(RfiProcess.KEY, rfiId, Rfi.startVariables(rfiId, findBestMatches));
    // Answered from what was just stored, in the order a later read gives it (by partner id), without reading it back.
    List<RfiReceipt.Unavailable> refused = unavailable.stream().sorted()
        .map(partnerId -> new RfiReceipt.Unavailable(partnerId, RfiRouting.NOT_ELIGIBLE)).toList();
    return new Submission(new RfiReceipt(rfiId, request.requestId(), List.of(), refused), true);
  }

  /** The receipt of the RFI sent under this request id, if any. */
  public Optional<RfiReceipt> receipt(String requestId) {
    return jdbc.sql("select id from rfi where request_id = ?").param(requestId).query(String.class).optional()
        .flatMap(this::find);
  }

  /** The receipt of this RFI, as far as it has been routed. */
  Optional<RfiReceipt> find(String rfiId) {
    return jdbc.sql("select request_id from rfi where id = ?").param(rfiId).query(String.class).optional()
        .map(requestId -> new RfiReceipt(rfiId, requestId, routing.routes(rfiId), routing.unavailable(rfiId)));
  }

  /** The customer's request as the RFI stored it: what its journeys receive and its own e-mails show. */
  public Optional<CustomerRequest> request(String rfiId) {
    return jdbc.sql("select * from rfi where id = ?").param(rfiId)
        .query((rs, n) -> new CustomerRequest(rs.getString("customer_company"), rs.getString("customer_contact_name"),
            rs.getString("customer_email"), rs.getString("customer_phone"), rs.getString("customer_country"),
            rs.getString("customer_company_size"), rs.getString("customer_industry"), rs.getString("customer_language"),
            rs.getString("request_details"), rs.getString("customer_keywords"), rs.getString("customer_products"),
            rs.getBoolean("contact_requested"), rs.getString("source"),
            rs.getTimestamp("received_at").toInstant()))
        .optional();
  }

  /**
   * The customer's terms as written, for people to read: trimmed, each once (in any case), joined by ", ". Matching
   * reads them normalized from rfi_term.
   */
  private static String asWritten(List<String> terms) {
    if (terms == null) {
      return "";
    }
    Map<String, String> once = new LinkedHashMap<>();
    terms.forEach(term -> once.putIfAbsent(term.strip().toLowerCase(Locale.ROOT), term.strip()));
    return String.join(", ", once.values());
  }

  private void insertTerms(String rfiId, String kind, List<String> terms) {
    for (String term : Terms.normalized(terms)) {
      jdbc.sql("insert into rfi_term (rfi_id, kind, term) values (?, ?, ?)").params(rfiId, kind, term).update();
    }
  }
}
