package com.referraldesk.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time invitations of partner admins. The token goes to the caller once; only its SHA-256 hash is stored, so the
 * database (or a backup of it) opens no account. A token works once and for {@link #VALID}; a new one voids the
 * user's earlier ones.
 */
@Component
class Invitations {

  static final Duration VALID = Duration.ofDays(7);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;

  Invitations(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  record Issued(String userId, String token, Instant expiresAt) {
  }

  record Redeemed(String userId, String partnerId) {
  }

  Issued issue(String userId, String partnerId) {
    jdbc.sql("delete from invitation where user_id = ? and used_at is null").param(userId).update();
    String token = secret();
    Instant expires = clock.instant().plus(VALID);
    jdbc.sql("insert into invitation (token_hash, user_id, partner_id, expires_at) values (?, ?, ?, ?)")
        .params(hash(token), userId, partnerId, Timestamp.from(expires))
        .update();
    return new Issued(userId, token, expires);
  }

  /** Uses up the invitation the token opens; empty when the token is unknown, used or expired. */
  Optional<Redeemed> redeem(String token) {
    String hash = hash(token);
    Timestamp now = Timestamp.from(clock.instant());
    Optional<Redeemed> open = jdbc.sql(
            "select user_id, partner_id from invitation where token_hash = ? and used_at is null and expires_at > ?")
        .params(hash, now)
        .query((rs, n) -> new Redeemed(rs.getString(1), rs.getString(2)))
        .optional();
    // Marked used only if nobody else used it in between: a token opens an account once.
    return open.filter(found -> jdbc.sql("update invitation set used_at = ? where token_hash = ? and used_at is null")
        .params(now, hash).update() == 1);
  }

  /** 256 random bits, URL-safe: a token, or a password nobody is told. */
  static String secret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
