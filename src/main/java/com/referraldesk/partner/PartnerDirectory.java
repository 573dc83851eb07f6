package com.referraldesk.partner;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads and stores partners, their locations and location contacts. */
@Service
public class PartnerDirectory {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  PartnerDirectory(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  public Optional<Partner> partner(String partnerId) {
    return jdbc.sql("select id, name, group_id from partner where id = ?")
        .param(partnerId)
        .query((rs, n) -> new Partner(rs.getString("id"), rs.getString("name"), rs.getString("group_id")))
        .optional();
  }

  /** The partner, or {@link UnknownPartnerException} (404 in the API). */
  public Partner require(String partnerId) {
    return partner(partnerId).orElseThrow(() -> new UnknownPartnerException(partnerId));
  }

  public List<Partner> partners() {
    return jdbc.sql("select id, name, group_id from partner order by id")
        .query((rs, n) -> new Partner(rs.getString("id"), rs.getString("name"), rs.getString("group_id")))
        .list();
  }

  public Optional<PartnerLocation> location(String locationId) {
    List<Contact> contacts = jdbc.sql("select name, phone, email from location_contact where location_id = ? order by id")
        .param(locationId)
        .query((rs, n) -> new Contact(rs.getString("name"), rs.getString("phone"), rs.getString("email")))
        .list();
    return jdbc.sql("select id, partner_id, name, region, language, active from partner_location where id = ?")
        .param(locationId)
        .query((rs, n) -> new PartnerLocation(rs.getString("id"), rs.getString("partner_id"), rs.getString("name"),
            rs.getString("region"), rs.getString("language"), rs.getBoolean("active"), contacts))
        .optional();
  }

  /** Whether routing may send the partner new referrals: false while a referral manager has it deactivated. */
  public boolean isActive(String partnerId) {
    return jdbc.sql("select active from partner where id = ?").param(partnerId).query(Boolean.class).optional()
        .orElse(false);
  }

  /** Deactivates or reactivates the partner; false, changing nothing, when it already was so. */
  public boolean setActive(String partnerId, boolean active) {
    return jdbc.sql("update partner set active = ? where id = ? and active <> ?").params(active, partnerId, active)
        .update() == 1;
  }

  /** Adds the partner, or leaves an existing one as it is; either way its group and access are in place after. */
  public void addPartner(Partner partner) {
    jdbc.sql("insert into partner (id, name, group_id) select ?, ?, ? where not exists (select 1 from partner where id = ?)")
        .params(partner.id(), partner.name(), partner.groupId(), partner.id())
        .update();
    events.publishEvent(new PartnerAdded(partner));
  }
}
