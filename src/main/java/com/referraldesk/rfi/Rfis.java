package com.referraldesk.rfi;

import com.referraldesk.referral.CustomerRequest;
import com.referraldesk.routing.CustomerNeed;
import com.referraldesk.partner.Terms;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes customers' RFIs, as their constraints let them in: stores them once per request id, routes them and starts
 * their journeys.
 */
@Service
public class Rfis {

  static final int MAX_TERMS = 20;

  private final JdbcClient jdbc;
  private final RfiRouting routing;
  private final RuntimeService runtimeService;
  private final Clock clock;

  Rfis(JdbcClient jdbc, RfiRouting routing, RuntimeService runtimeService, Clock clock) {
    this.jdbc = jdbc;
    this.routing = routing;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** The answer to a submission: the RFI's receipt, and whether this submission created it. */
  public record Submission(RfiReceipt receipt, boolean created) {
  }

  /** Stores and routes the RFI in one transaction, or finds the one stored before under its request id. */
  @Transactional
  public Submission submit(RfiRequest request) {
    Optional<RfiReceipt> earlier = request.requestId() == null ? Optional.empty() : receipt(request.requestId());
    if (earlier.isPresent()) {
      return new Submission(earlier.get(), false);
    }
    var customer = request.customer();
    String rfiId = UUID.randomUUID().toString();
    Instant receivedAt = clock.instant();
    boolean contactRequested = Boolean.TRUE.equals(request.contactRequested());
    String language = customer.language() == null ? "en" : customer.language();
    List<String> chosen = request.partners() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.partners()));
    boolean findBestMatches = Boolean.TRUE.equals(request.findBestMatches()) || chosen.isEmpty();
    jdbc.sql("""
            insert into rfi (id, request_id, received_at, customer_company, customer_contact_name, customer_email,
              customer_phone, customer_country, customer_company_size, customer_industry, customer_language,
              request_details, contact_requested, source, find_best_matches)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(rfiId, request.requestId(), Timestamp.from(receivedAt), customer.company(),
            customer.contactName(), customer.email(), customer.phone(), customer.country(), customer.companySize(),
            customer.industry(), language, request.need().details(), contactRequested, request.source(),
            findBestMatches)
        .update();
    insertTerms(rfiId, "keyword", request.need().keywords());
    insertTerms(rfiId, "product", request.need().products());
    for (String partnerId : chosen) {
      jdbc.sql("insert into rfi_chosen_partner (rfi_id, partner_id) values (?, ?)").params(rfiId, partnerId).update();
    }

    List<RfiReceipt.Unavailable> unavailable = routing.firstRound(rfiId, need(rfiId), chosen, findBestMatches);
    runtimeService.startProcessInstanceByKey(RfiProcess.KEY, rfiId, Rfi.startVariables(rfiId, new CustomerRequest(
        customer.company(), customer.contactName(), customer.email(), customer.phone(), customer.country(),
        customer.companySize(), customer.industry(), language, request.need().details(), contactRequested,
        request.source(), receivedAt)));
    return new Submission(new RfiReceipt(rfiId, request.requestId(), routing.routes(rfiId), unavailable), true);
  }

  /** The receipt of the RFI sent under this request id, if any. */
  public Optional<RfiReceipt> receipt(String requestId) {
    return jdbc.sql("select id from rfi where request_id = ?").param(requestId).query(String.class).optional()
        .map(rfiId -> new RfiReceipt(rfiId, requestId, routing.routes(rfiId), routing.unavailable(rfiId)));
  }

  /** What routing matches partners against, as the RFI stored it. */
  public CustomerNeed need(String rfiId) {
    Set<String> terms = new LinkedHashSet<>(jdbc.sql("select term from rfi_term where rfi_id = ? order by term")
        .param(rfiId).query(String.class).list());
    return jdbc.sql("select customer_country, customer_company_size, customer_industry from rfi where id = ?")
        .param(rfiId)
        .query((rs, n) -> new CustomerNeed(rs.getString(1), rs.getString(2), rs.getString(3), terms))
        .single();
  }

  private void insertTerms(String rfiId, String kind, List<String> terms) {
    for (String term : Terms.normalized(terms)) {
      jdbc.sql("insert into rfi_term (rfi_id, kind, term) values (?, ?, ?)").params(rfiId, kind, term).update();
    }
  }
}
