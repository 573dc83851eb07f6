package com.referraldesk.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of who was shown a classic referral's customer contact details, and when (table contact_reveal). */
@Repository
public class ContactReveals {

  /** One reveal: the referral, its partner, the user who said "I'm interested" (none from Java), and when. */
  public record Reveal(String referralId, String partnerId, String revealedTo, Instant revealedAt) {
  }

  private final JdbcClient jdbc;

  ContactReveals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Reveal> of(String referralId) {
    return jdbc.sql("select referral_id, partner_id, revealed_to, revealed_at from contact_reveal where referral_id = ?")
        .param(referralId)
        .query((rs, n) -> new Reveal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .optional();
  }

  /** Records the reveal once; it happens in the partner's own transaction, so it is stored exactly when the answer is. */
  void record(Reveal reveal) {
    jdbc.sql("""
            insert into contact_reveal (referral_id, partner_id, revealed_to, revealed_at)
            select ?, ?, ?, ? where not exists (select 1 from contact_reveal where referral_id = ?)""")
        .params(reveal.referralId(), reveal.partnerId(), reveal.revealedTo(), Timestamp.from(reveal.revealedAt()),
            reveal.referralId())
        .update();
  }
}
