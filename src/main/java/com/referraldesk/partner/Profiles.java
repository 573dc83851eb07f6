package com.referraldesk.partner;

import com.referraldesk.api.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partners' business profiles: read, and replaced as a whole; each belongs to exactly one partner. */
@Service
public class Profiles {

  static final int MAX_CONTACTS = 10;
  static final int MAX_TERMS = 30;

  private final JdbcClient jdbc;

  Profiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The profiles of partners that are not deactivated: what routing and Find a partner choose from. */
  public List<PartnerProfile> ofActivePartners() {
    return load("where partner_id in (select id from partner where active = true)", List.of());
  }

  public List<PartnerProfile> ofPartner(String partnerId) {
    return load("where partner_id = ?", List.of(partnerId));
  }

  public Optional<PartnerProfile> profile(String locationId) {
    return load("where id = ?", List.of(locationId)).stream().findFirst();
  }

  /**
   * Creates or replaces the profile of the partner's location, as checked by its constraints; refused, changing
   * nothing, when the location is another partner's.
   */
  @Transactional
  public PartnerProfile save(String partnerId, String locationId, ProfileChange change) {
    if (profile(locationId).filter(existing -> !existing.partnerId().equals(partnerId)).isPresent()) {
      throw new InvalidRequestException("locationId", "belongs to another partner");
    }
    boolean active = !Boolean.FALSE.equals(change.active());
    String journey = change.journey() == null ? ProfileCodes.ENGAGEMENTS : change.journey();
    int updated = jdbc.sql("update partner_location set name = ?, region = ?, language = ?, active = ?, journey = ? where id = ?")
        .params(change.name(), change.region(), change.language(), active, journey, locationId)
        .update();
    if (updated == 0) {
      jdbc.sql("insert into partner_location (id, partner_id, name, region, language, active, journey) values (?, ?, ?, ?, ?, ?, ?)")
          .params(locationId, partnerId, change.name(), change.region(), change.language(), active, journey)
          .update();
    }
    for (String table : List.of("location_contact", "location_term", "location_industry", "location_company_size")) {
      jdbc.sql("delete from " + table + " where location_id = ?").param(locationId).update();
    }
    for (Contact contact : orEmpty(change.contacts())) {
      jdbc.sql("insert into location_contact (location_id, name, email, phone) values (?, ?, ?, ?)")
          .params(locationId, contact.name().strip(), contact.email().strip(), contact.phone())
          .update();
    }
    insertTerms(locationId, "keyword", change.keywords());
    insertTerms(locationId, "expertise", change.expertise());
    insertAll(locationId, "insert into location_industry (location_id, industry, excluded) values (?, ?, false)", change.industries());
    insertAll(locationId, "insert into location_industry (location_id, industry, excluded) values (?, ?, true)", change.excludedIndustries());
    insertAll(locationId, "insert into location_company_size (location_id, company_size, preference) values (?, ?, 'preferred')", change.preferredCompanySizes());
    insertAll(locationId, "insert into location_company_size (location_id, company_size, preference) values (?, ?, 'excluded')", change.excludedCompanySizes());
    return profile(locationId).orElseThrow();
  }

  private void insertTerms(String locationId, String kind, List<String> terms) {
    for (String term : Terms.normalized(terms)) {
      jdbc.sql("insert into location_term (location_id, kind, term) values (?, ?, ?)").params(locationId, kind, term).update();
    }
  }

  private void insertAll(String locationId, String sql, List<String> values) {
    for (String value : new LinkedHashSet<>(orEmpty(values))) {
      jdbc.sql(sql).params(locationId, value).update();
    }
  }

  private List<PartnerProfile> load(String where, List<Object> params) {
    String locations = "select id from partner_location " + where;
    Map<String, List<Contact>> contacts = new HashMap<>();
    jdbc.sql("select location_id, name, phone, email from location_contact where location_id in (" + locations + ") order by id")
        .params(params)
        .query(rs -> {
          contacts.computeIfAbsent(rs.getString("location_id"), k -> new ArrayList<>())
              .add(new Contact(rs.getString("name"), rs.getString("phone"), rs.getString("email")));
        });
    Map<String, List<String>> terms = new HashMap<>();
    jdbc.sql("select location_id, kind, term from location_term where location_id in (" + locations + ") order by term")
        .params(params)
        .query(rs -> {
          terms.computeIfAbsent(rs.getString("location_id") + "/" + rs.getString("kind"), k -> new ArrayList<>())
              .add(rs.getString("term"));
        });
    jdbc.sql("select location_id, industry, excluded from location_industry where location_id in (" + locations + ") order by industry")
        .params(params)
        .query(rs -> {
          String kind = rs.getBoolean("excluded") ? "/excludedIndustry" : "/industry";
          terms.computeIfAbsent(rs.getString("location_id") + kind, k -> new ArrayList<>()).add(rs.getString("industry"));
        });
    jdbc.sql("select location_id, company_size, preference from location_company_size where location_id in (" + locations + ") order by company_size")
        .params(params)
        .query(rs -> {
          terms.computeIfAbsent(rs.getString("location_id") + "/" + rs.getString("preference") + "Size", k -> new ArrayList<>())
              .add(rs.getString("company_size"));
        });
    return jdbc.sql("select id, partner_id, name, region, language, active, journey from partner_location " + where + " order by id")
        .params(params)
        .query((rs, n) -> {
          String id = rs.getString("id");
          return new PartnerProfile(id, rs.getString("partner_id"), rs.getString("name"), rs.getString("region"),
              rs.getString("language"), rs.getBoolean("active"), rs.getString("journey"),
              contacts.getOrDefault(id, List.of()),
              terms.getOrDefault(id + "/keyword", List.of()),
              terms.getOrDefault(id + "/expertise", List.of()),
              terms.getOrDefault(id + "/industry", List.of()),
              terms.getOrDefault(id + "/excludedIndustry", List.of()),
              terms.getOrDefault(id + "/preferredSize", List.of()),
              terms.getOrDefault(id + "/excludedSize", List.of()));
        })
        .list();
  }

  private static <T> List<T> orEmpty(Collection<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
