package com.referraldesk.registration;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deal registrations and their review's rounds, in the application's tables. Written in the transaction of the
 * step or task that changes them, so a rolled-back completion changes nothing.
 */
@Repository
public class DealRegistrations {

  private final JdbcClient jdbc;

  DealRegistrations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a registration asked for now; a start that is retried finds it recorded and changes nothing. */
  void requested(String referralId, String processInstanceId, String partnerId, String locationId,
      String customerCompany, String eligibleSolutions, Instant at) {
    if (find(referralId).isPresent()) {
      return;
    }
    jdbc.sql("""
            insert into deal_registration (referral_id, process_instance_id, partner_id, location_id, customer_company,
              state, eligible_solutions, requested_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(referralId, processInstanceId, partnerId, locationId, customerCompany,
            RegistrationState.REQUESTED.name(), eligibleSolutions, timestamp(at), timestamp(at))
        .update();
  }

  /** The partner registered the deal, or answered a question with the registration as it stands now. */
  void registered(String referralId, DealRegistration.Details details, String by, Instant at) {
    jdbc.sql("""
            update deal_registration set state = ?, solution = ?, final_deal_value = ?, close_date = ?,
              agreement_reference = ?, partner_role = ?, notes = ?, registered_at = coalesce(registered_at, ?),
              registered_by = coalesce(registered_by, ?), updated_at = ?
            where referral_id = ?""")
        .params(RegistrationState.PENDING_REVIEW.name(), details.solution(), details.finalDealValue(),
            details.closeDate() == null ? null : Date.valueOf(details.closeDate()), details.agreementReference(),
            details.partnerRole(), details.notes(), timestamp(at), by, timestamp(at), referralId)
        .update();
  }

  /** A referral manager asked a question: the next round, which answers its number. */
  int asked(String referralId, String question, String by, Instant at) {
    int round = jdbc.sql("select coalesce(max(round), 0) + 1 from deal_registration_round where referral_id = ?")
        .param(referralId).query(Integer.class).single();
    jdbc.sql("""
            insert into deal_registration_round (referral_id, round, question, asked_by, asked_at)
            values (?, ?, ?, ?, ?)""")
        .params(referralId, round, question, by, timestamp(at))
        .update();
    state(referralId, RegistrationState.MORE_INFORMATION_REQUESTED, at);
    return round;
  }

  /** The partner answered the open question, with the registration as it stands now. */
  void answered(String referralId, DealRegistration.Details details, String answer, String by, Instant at) {
    jdbc.sql("""
            update deal_registration_round set answer = ?, answered_by = ?, answered_at = ?
            where referral_id = ? and round = (select max(round) from deal_registration_round where referral_id = ?)""")
        .params(answer, by, timestamp(at), referralId, referralId)
        .update();
    registered(referralId, details, by, at);
  }

  /** A referral manager approved or rejected it (with a reason). */
  void decided(String referralId, RegistrationState state, String by, String rejectReason, Instant at) {
    jdbc.sql("""
            update deal_registration set state = ?, decided_at = ?, decided_by = ?, reject_reason = ?, updated_at = ?
            where referral_id = ?""")
        .params(state.name(), timestamp(at), by, rejectReason, timestamp(at), referralId)
        .update();
  }

  /** The partner did not register or answer in time. */
  void withdrawn(String referralId, Instant at) {
    jdbc.sql("update deal_registration set state = ?, decided_at = ?, updated_at = ? where referral_id = ?")
        .params(RegistrationState.WITHDRAWN.name(), timestamp(at), timestamp(at), referralId)
        .update();
  }

  private void state(String referralId, RegistrationState state, Instant at) {
    jdbc.sql("update deal_registration set state = ?, updated_at = ? where referral_id = ?")
        .params(state.name(), timestamp(at), referralId)
        .update();
  }

  /** A referral's registration with every round of its review: two queries. */
  public Optional<DealRegistration> find(String referralId) {
    List<DealRegistration.Round> rounds = jdbc.sql("""
            select round, question, asked_by, asked_at, answer, answered_by, answered_at
            from deal_registration_round where referral_id = ? order by round""")
        .param(referralId)
        .query((rs, row) -> new DealRegistration.Round(rs.getInt("round"), rs.getString("question"),
            rs.getString("asked_by"), instant(rs, "asked_at"), rs.getString("answer"), rs.getString("answered_by"),
            instant(rs, "answered_at")))
        .list();
    return jdbc.sql("select * from deal_registration where referral_id = ?")
        .param(referralId)
        .query((rs, row) -> registration(rs, rounds))
        .optional();
  }

  private static DealRegistration registration(ResultSet rs, List<DealRegistration.Round> rounds) throws SQLException {
    Date closeDate = rs.getDate("close_date");
    return new DealRegistration(rs.getString("referral_id"), rs.getString("process_instance_id"),
        rs.getString("partner_id"), rs.getString("location_id"), rs.getString("customer_company"),
        RegistrationState.valueOf(rs.getString("state")), rs.getString("eligible_solutions"), rs.getString("solution"),
        rs.getBigDecimal("final_deal_value"), closeDate == null ? null : closeDate.toLocalDate(),
        rs.getString("agreement_reference"), rs.getString("partner_role"), rs.getString("notes"),
        instant(rs, "requested_at"), instant(rs, "registered_at"), rs.getString("registered_by"),
        instant(rs, "updated_at"), instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("reject_reason"),
        List.copyOf(rounds));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Timestamp timestamp(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}
