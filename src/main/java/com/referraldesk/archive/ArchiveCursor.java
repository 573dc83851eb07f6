package com.referraldesk.archive;

import com.referraldesk.api.InvalidRequestException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Where a page of the archive ended: the last referral's closing time and id, in the listing's order (closed_at
 * desc, referral_id). Clients get it as an opaque text ({@code next}) and send it back as {@code after}.
 *
 * <p>The text is base64url of the position and a checksum over it (part of a SHA-256 digest), so a cursor that was
 * cut or changed by mistake is refused with 400 naming {@code after} instead of silently paging from somewhere
 * else. It is no access control and needs none: a cursor grants nothing, as every page is read from the caller's
 * own partner only, and it stays valid on every node and across restarts.
 */
record ArchiveCursor(Instant closedAt, String referralId) {

  /** Longer than any cursor this class writes (a referral id has at most 64 characters); longer ones are refused. */
  static final int MAX_LENGTH = 200;

  private static final String PARAMETER = "after";
  private static final byte VERSION = 1;
  private static final int CHECKSUM_BYTES = 16;
  private static final int POSITION_BYTES = 1 + Long.BYTES + Integer.BYTES;
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  static ArchiveCursor after(ArchivedReferral last) {
    return new ArchiveCursor(last.closedAt(), last.referralId());
  }

  String encode() {
    byte[] id = referralId.getBytes(StandardCharsets.UTF_8);
    ByteBuffer position = ByteBuffer.allocate(POSITION_BYTES + id.length)
        .put(VERSION).putLong(closedAt.getEpochSecond()).putInt(closedAt.getNano()).put(id);
    byte[] checked = ByteBuffer.allocate(position.capacity() + CHECKSUM_BYTES).put(position.array()).put(checksum(position.array()))
        .array();
    return BASE64.encodeToString(checked);
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
      byte[] checked = Base64.getUrlDecoder().decode(text);
      // The decoder ignores the unused bits of the last character: only the text this class writes is one.
      if (checked.length <= POSITION_BYTES + CHECKSUM_BYTES || !BASE64.encodeToString(checked).equals(text)) {
        throw refused();
      }
      byte[] position = Arrays.copyOf(checked, checked.length - CHECKSUM_BYTES);
      byte[] sentChecksum = Arrays.copyOfRange(checked, position.length, checked.length);
      if (!Arrays.equals(sentChecksum, checksum(position)) || position[0] != VERSION) {
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

  private static byte[] checksum(byte[] position) {
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(position), CHECKSUM_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
