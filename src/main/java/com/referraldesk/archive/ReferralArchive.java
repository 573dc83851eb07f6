package com.referraldesk.archive;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

import com.referraldesk.referral.EngagementEdit;
import com.referraldesk.partner.Contact;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
              received_at, responded_at, interested_at, accepted_at, closed_at, response_seconds, customer_company,
              customer_contact_name, customer_email, customer_phone, customer_country, customer_company_size,
              customer_industry, request_details, customer_keywords, customer_products, contact_requested, source,
              engagement_name, estimated_value, purchase_timeframe, estimated_purchase_date, notes, crm_id,
              decline_reason, decline_notes, lost_reason, responded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(r.referralId(), r.processInstanceId(), r.partnerId(), r.locationId(), r.finalState().name(),
            timestamp(r.receivedAt()), timestamp(r.respondedAt()), timestamp(r.interestedAt()),
            timestamp(r.acceptedAt()), timestamp(r.closedAt()), r.responseSeconds(),
            r.customerCompany(), r.customerContactName(), r.customerEmail(), r.customerPhone(), r.customerCountry(),
            r.customerCompanySize(), r.customerIndustry(), r.requestDetails(), r.customerKeywords(),
            r.customerProducts(), r.contactRequested(), r.source(),
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

  /** One archived referral with its contacts and edits: three queries. */
  public Optional<ArchivedReferral> find(String referralId) {
    return withHistory(jdbc.sql("select * from archived_referral where referral_id = ?")
        .param(referralId)
        .query(this::referral)
        .list()).stream().findFirst();
  }

  /**
   * A page of the partner's archived referrals, most recently closed first (closed_at desc, referral_id), with their
   * contacts and edits: three queries whatever the page's size (one when it is empty). It reads one row more than it
   * answers to know whether a next page exists; referrals archived meanwhile close later than the cursor, so they
   * do not shift the pages after it.
   */
  ArchivePage page(String partnerId, ArchiveQuery query) {
    StringBuilder sql = new StringBuilder("select * from archived_referral where partner_id = :partner");
    Map<String, Object> params = new HashMap<>();
    params.put("partner", partnerId);
    if (!query.states().isEmpty()) {
      sql.append(" and final_state in (:states)");
      params.put("states", query.states().stream().map(FinalState::name).toList());
    }
    if (query.closedFrom() != null) {
      sql.append(" and closed_at >= :closedFrom");
      params.put("closedFrom", timestamp(query.closedFrom().atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    if (query.closedTo() != null) {
      sql.append(" and closed_at < :closedBefore");
      params.put("closedBefore", timestamp(query.closedTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    if (query.customer() != null) {
      // A search for "50%" finds "50% off", not every name: the wildcards are escaped.
      sql.append(" and lower(customer_company) like :customer escape '\\'");
      params.put("customer", "%" + query.customer().toLowerCase(Locale.ROOT).replaceAll("[\\\\%_]", "\\\\$0") + "%");
    }
    if (query.after() != null) {
      sql.append(" and (closed_at < :afterClosedAt or (closed_at = :afterClosedAt and referral_id > :afterReferral))");
      params.put("afterClosedAt", timestamp(query.after().closedAt()));
      params.put("afterReferral", query.after().referralId());
    }
    sql.append(" order by closed_at desc, referral_id fetch first :rows rows only");
    params.put("rows", query.limit() + 1);
    List<ArchivedReferral> rows = jdbc.sql(sql.toString()).params(params).query(this::referral).list();
    boolean more = rows.size() > query.limit();
    List<ArchivedReferral> page = withHistory(more ? rows.subList(0, query.limit()) : rows);
    return new ArchivePage(page, more ? ArchiveCursor.after(page.get(page.size() - 1)).encode() : null);
  }

  /** The rows with their contacts and edits, read for all of them at once: two queries, none for no rows. */
  private List<ArchivedReferral> withHistory(List<ArchivedReferral> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    List<String> ids = rows.stream().map(ArchivedReferral::referralId).toList();
    Map<String, List<Contact>> contacts = jdbc.sql("""
            select referral_id, name, phone, email from archived_contact where referral_id in (:ids)
            order by referral_id, position""")
        .param("ids", ids)
        .query((rs, n) -> Map.entry(rs.getString("referral_id"),
            new Contact(rs.getString("name"), rs.getString("phone"), rs.getString("email"))))
        .list().stream().collect(groupingBy(Map.Entry::getKey, mapping(Map.Entry::getValue, toList())));
    Map<String, List<EngagementEdit>> edits = jdbc.sql("""
            select * from engagement_edit where referral_id in (:ids) order by referral_id, edited_at, id""")
        .param("ids", ids)
        .query((rs, n) -> new EngagementEdit(rs.getString("referral_id"), instant(rs, "edited_at"),
            rs.getString("edited_by"), rs.getString("action"), rs.getString("engagement_name"),
            rs.getBigDecimal("estimated_value"), day(rs, "estimated_purchase_date"), rs.getString("notes"),
            rs.getString("crm_id"), rs.getInt("contacts_added")))
        .list().stream().collect(groupingBy(EngagementEdit::referralId));
    return rows.stream()
        .map(row -> row.withHistory(contacts.getOrDefault(row.referralId(), List.of()),
            edits.getOrDefault(row.referralId(), List.of())))
        .toList();
  }

  /** A row of archived_referral, without its contacts and edits (see {@link #withHistory}). */
  private ArchivedReferral referral(ResultSet rs, int row) throws SQLException {
    long responseSeconds = rs.getLong("response_seconds");
    Long response = rs.wasNull() ? null : responseSeconds;
    return new ArchivedReferral(rs.getString("referral_id"), rs.getString("process_instance_id"),
        rs.getString("partner_id"), rs.getString("location_id"), FinalState.valueOf(rs.getString("final_state")), instant(rs, "received_at"),
        instant(rs, "responded_at"), instant(rs, "interested_at"), instant(rs, "accepted_at"), instant(rs, "closed_at"), response, rs.getString("customer_company"),
        rs.getString("customer_contact_name"), rs.getString("customer_email"), rs.getString("customer_phone"),
        rs.getString("customer_country"), rs.getString("customer_company_size"), rs.getString("customer_industry"),
        rs.getString("request_details"), rs.getString("customer_keywords"), rs.getString("customer_products"),
        rs.getBoolean("contact_requested"), rs.getString("source"),
        rs.getString("engagement_name"), rs.getBigDecimal("estimated_value"), rs.getString("purchase_timeframe"),
        day(rs, "estimated_purchase_date"), rs.getString("notes"), rs.getString("crm_id"),
        rs.getString("decline_reason"), rs.getString("decline_notes"), rs.getString("lost_reason"),
        rs.getString("responded_by"), List.of(), List.of());
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
