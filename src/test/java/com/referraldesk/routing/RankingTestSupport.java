package com.referraldesk.routing;

import com.referraldesk.JourneyTestSupport;
import com.referraldesk.partner.Contact;
import com.referraldesk.partner.Partner;
import com.referraldesk.partner.ProfileChange;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Partners with alike profiles and a history of ended referrals, written straight into the archive table as the
 * archive step stores them: what partner figures and the ranking read.
 */
abstract class RankingTestSupport extends JourneyTestSupport {

  /** Partners added here serve this region; Acme, always there, serves DE and IT. */
  static final String REGION = "NL";
  /** What every partner's locations list: the keyword erp and the industry retail. */
  static final List<String> INDUSTRIES = List.of("retail");

  /** A customer's industry and company size, as an archived referral carries them. */
  record Deal(String industry, String companySize) {

    CustomerNeed need() {
      return new CustomerNeed(REGION, companySize, industry, Set.of("erp"));
    }
  }

  /** A fit for every partner added here: their locations list retail. */
  static final Deal FITTING = new Deal("retail", "medium");
  /** A poor fit for every partner added here: no location lists agriculture (none excludes it either). */
  static final Deal POOR_FIT = new Deal("agriculture", "small");

  private static final AtomicInteger REFERRALS = new AtomicInteger();

  @Autowired
  JdbcClient jdbc;
  @Autowired
  Matching matching;

  /** A partner with locations {@code <partnerId>-1} … {@code -n} in {@link #REGION}, all alike. */
  void partner(String partnerId, int locations) {
    partners.addPartner(new Partner(partnerId, "Partner " + partnerId, partnerId + "Sales"));
    for (int i = 1; i <= locations; i++) {
      profiles.save(partnerId, location(partnerId, i), new ProfileChange(partnerId + " " + i, REGION, "en", true, null,
          List.of(new Contact("Desk", null, partnerId + "@partners.example")), List.of("erp"), List.of(), INDUSTRIES,
          List.of(), List.of(), List.of()));
    }
  }

  static String location(String partnerId, int number) {
    return partnerId + "-" + number;
  }

  void won(String partnerId, Deal deal, long responseHours, long value) {
    archive(partnerId, deal, "WON", responseHours, value, null);
  }

  void lost(String partnerId, Deal deal, long responseHours, long value) {
    archive(partnerId, deal, "LOST", responseHours, value, "price");
  }

  void declined(String partnerId, Deal deal, long responseHours) {
    archive(partnerId, deal, "DECLINED", responseHours, null, null);
  }

  void expired(String partnerId, Deal deal) {
    archive(partnerId, deal, "EXPIRED", null, null, null);
  }

  /** Closed by the journey before the partner answered: the customer chose another partner. */
  void closedForAnotherPartner(String partnerId, Deal deal) {
    archive(partnerId, deal, "LOST", null, null, "customer-chose-another-partner");
  }

  /**
   * An ended referral of the partner's first location. With a value it was accepted (its engagement named, as the
   * response form requires), with a response time it was answered.
   */
  void archive(String partnerId, Deal deal, String finalState, Long responseHours, Long value, String lostReason) {
    String referralId = "r-" + REFERRALS.incrementAndGet();
    Instant received = ARRIVAL.minus(Duration.ofDays(30));
    Instant responded = responseHours == null ? null : received.plus(Duration.ofHours(responseHours));
    jdbc.sql("""
            insert into archived_referral (referral_id, process_instance_id, partner_id, location_id, final_state,
              received_at, responded_at, closed_at, response_seconds, customer_company, customer_email,
              customer_country, customer_company_size, customer_industry, contact_requested, source, engagement_name,
              estimated_value, lost_reason)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(referralId, "pi-" + referralId, partnerId, location(partnerId, 1), finalState, Timestamp.from(received),
            responded == null ? null : Timestamp.from(responded), Timestamp.from(received.plus(Duration.ofDays(14))),
            responseHours == null ? null : Duration.ofHours(responseHours).toSeconds(), "Customer " + referralId,
            "buyer@customer.example", REGION, deal.companySize(), deal.industry(), false, "marketing",
            value == null ? null : "Engagement " + referralId, value == null ? null : BigDecimal.valueOf(value),
            lostReason)
        .update();
  }
}
