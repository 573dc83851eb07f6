package com.referraldesk.archive;

import com.referraldesk.referral.EngagementEdit;
import com.referraldesk.partner.Contact;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The archive of ended referrals and the edit history of active ones, in the application's tables. */
@Repository
public class ReferralArchive {

  private final JdbcClient jdbc;

  public ReferralArchive(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the ended referral once; a retried archive step finds it stored and answers false. */
  @Transactional
  public boolean archive(ArchivedReferral r) {
    boolean stored = jdbc.sql("select count(*) from archived_referral where referral_id = ?")
        .param(r.referralId()).query(Integer.class).single() > 0;
    if (stored) {
      return false;
    }
    jdbc.sql("""
            insert into archived_referral (referral_id, process_instance_id, partner_id, location_id, final_state,
              received_at, responded_at, closed_at, response_seconds, customer_company, customer_contact_name,
              customer_email, customer_phone, customer_country, customer_company_size, customer_industry,
              request_details, contact_requested, source, engagement_name, estimated_value, purchase_timeframe,
              estimated_purchase_date, notes, crm_id, decline_reason, decline_notes, lost_reason, responded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(r.referralId(), r.processInstanceId(), r.partnerId(), r.locationId(), r.finalState().name(),
            timestamp(r.receivedAt()), timestamp(r.respondedAt()), timestamp(r.closedAt()), r.responseSeconds(),
            r.customerCompany(), r.customerContactName(), r.customerEmail(), r.customerPhone(), r.customerCountry(),
            r.customerCompanySize(), r.customerIndustry(), r.requestDetails(), r.contactRequested(), r.source(),
            r.engagementName(), r.estimatedValue(), r.purchaseTimeframe(), date(r.estimatedPurchaseDate()),
            r.notes(), r.crmId(), r.declineReason(), r.declineNotes(), r.lostReason(), r.respondedBy())
        .update();
    for (int i = 0; i < r.contacts().size(); i++) {
      Contact c = r.contacts().get(i);
      jdbc.sql("insert into archived_contact (referral_id, position, name, phone, email) values (?, ?, ?, ?, ?)")
          .params(r.referralId(), i + 1, c.name(), c.phone(), c.email())
          .update();
    }
    return true;
  }

  @EventListener
  void recordEdit(EngagementEdit e) {
    jdbc.sql("""
            insert into engagement_edit (referral_id, edited_at, edited_by, action, engagement_name, estimated_value,
              estimated_purchase_date, notes, crm_id, contacts_added)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(e.referralId(), timestamp(e.editedAt()), e.editedBy(), e.action(), e.engagementName(),
            e.estimatedValue(), date(e.estimatedPurchaseDate()), e.notes(), e.crmId(), e.contactsAdded())
        .update();
  }

  public Optional<ArchivedReferral> find(String referralId) {
    return jdbc.sql("select * from archived_referral where referral_id = ?")
        .param(referralId)
        .query(this::referral)
        .optional();
  }

  /** The partner's archived referrals, most recently closed first. */
  public List<ArchivedReferral> forPartner(String partnerId, int limit) {
    return jdbc.sql("""
            select * from archived_referral where partner_id = ?
            order by closed_at desc, referral_id fetch first ? rows only""")
        .params(partnerId, limit)
        .query(this::referral)
        .list();
  }

  public List<EngagementEdit> edits(String referralId) {
    return jdbc.sql("select * from engagement_edit where referral_id = ? order by edited_at, id")
        .param(referralId)
        .query((rs, n) -> new EngagementEdit(rs.getString("referral_id"), instant(rs, "edited_at"),
            rs.getString("edited_by"), rs.getString("action"), rs.getString("engagement_name"),
            rs.getBigDecimal("estimated_value"), day(rs, "estimated_purchase_date"), rs.getString("notes"),
            rs.getString("crm_id"), rs.getInt("contacts_added")))
        .list();
  }

  private ArchivedReferral referral(ResultSet rs, int row) throws SQLException {
    String referralId = rs.getString("referral_id");
    long responseSeconds = rs.getLong("response_seconds");
    Long response = rs.wasNull() ? null : responseSeconds;
    List<Contact> contacts = jdbc.sql("select name, phone, email from archived_contact where referral_id = ? order by position")
        .param(referralId)
        .query((c, n) -> new Contact(c.getString("name"), c.getString("phone"), c.getString("email")))
        .list();
    return new ArchivedReferral(referralId, rs.getString("process_instance_id"), rs.getString("partner_id"),
        rs.getString("location_id"), FinalState.valueOf(rs.getString("final_state")), instant(rs, "received_at"),
        instant(rs, "responded_at"), instant(rs, "closed_at"), response, rs.getString("customer_company"),
        rs.getString("customer_contact_name"), rs.getString("customer_email"), rs.getString("customer_phone"),
        rs.getString("customer_country"), rs.getString("customer_company_size"), rs.getString("customer_industry"),
        rs.getString("request_details"), rs.getBoolean("contact_requested"), rs.getString("source"),
        rs.getString("engagement_name"), rs.getBigDecimal("estimated_value"), rs.getString("purchase_timeframe"),
        day(rs, "estimated_purchase_date"), rs.getString("notes"), rs.getString("crm_id"),
        rs.getString("decline_reason"), rs.getString("decline_notes"), rs.getString("lost_reason"),
        rs.getString("responded_by"), contacts, edits(referralId));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static LocalDate day(ResultSet rs, String column) throws SQLException {
    Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }
}
