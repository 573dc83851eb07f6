package com.referraldesk.archive;

import com.referraldesk.api.InvalidRequestException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a page of the archive ended: the last referral's closing time and id, in the listing's order (closed_at
 * desc, referral_id). Clients get it as an opaque text ({@code next}) and send it back as {@code after}.
 *
 * <p>The text is base64url of the position and a MAC over it, so a cursor that was cut, changed or made up is
 * refused with 400 naming {@code after} instead of silently paging from somewhere else. The MAC is an integrity
 * check, not access control: its key is the same on every node and restart (a cursor stays valid across them), and
 * a cursor grants nothing, as every page is read from the caller's own partner only.
 */
record ArchiveCursor(Instant closedAt, String referralId) {

  /** Longer than any cursor this class writes (a referral id has at most 64 characters); longer ones are refused. */
  static final int MAX_LENGTH = 200;

  private static final String PARAMETER = "after";
  private static final byte VERSION = 1;
  private static final int MAC_BYTES = 16;
  private static final int POSITION_BYTES = 1 + Long.BYTES + Integer.BYTES;
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  private static final SecretKeySpec KEY =
      new SecretKeySpec("referral-desk archive cursor v1".getBytes(StandardCharsets.US_ASCII), "HmacSHA256");

  static ArchiveCursor after(ArchivedReferral last) {
    return new ArchiveCursor(last.closedAt(), last.referralId());
  }

  String encode() {
    byte[] id = referralId.getBytes(StandardCharsets.UTF_8);
    ByteBuffer position = ByteBuffer.allocate(POSITION_BYTES + id.length)
        .put(VERSION).putLong(closedAt.getEpochSecond()).putInt(closedAt.getNano()).put(id);
    byte[] signed = ByteBuffer.allocate(position.capacity() + MAC_BYTES).put(position.array()).put(mac(position.array()))
        .array();
    return BASE64.encodeToString(signed);
  }

  /** The cursor a client sent, or null when it sent none (the first page); anything this class did not write is 400. */
  static ArchiveCursor parse(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() > MAX_LENGTH) {
      throw refused();
    }
    try {
      byte[] signed = Base64.getUrlDecoder().decode(text);
      // The decoder ignores the unused bits of the last character: only the text this class writes is one.
      if (signed.length <= POSITION_BYTES + MAC_BYTES || !BASE64.encodeToString(signed).equals(text)) {
        throw refused();
      }
      byte[] position = Arrays.copyOf(signed, signed.length - MAC_BYTES);
      byte[] sentMac = Arrays.copyOfRange(signed, position.length, signed.length);
      if (!MessageDigest.isEqual(sentMac, mac(position)) || position[0] != VERSION) {
        throw refused();
      }
      ByteBuffer read = ByteBuffer.wrap(position, 1, position.length - 1);
      Instant closedAt = Instant.ofEpochSecond(read.getLong(), read.getInt());
      return new ArchiveCursor(closedAt, new String(position, POSITION_BYTES, position.length - POSITION_BYTES,
          StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | DateTimeException notOurs) {
      throw refused();
    }
  }

  private static InvalidRequestException refused() {
    return new InvalidRequestException(PARAMETER,
        "is not a cursor of this listing: send the 'next' of the previous page unchanged");
  }

  private static byte[] mac(byte[] position) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(KEY);
      return Arrays.copyOf(mac.doFinal(position), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
