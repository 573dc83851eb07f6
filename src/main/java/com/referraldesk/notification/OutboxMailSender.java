package com.referraldesk.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Used when no SMTP server is configured: every e-mail is written, complete, as an .eml file into the outbox
 * folder instead of being sent. Mail clients open these files; /outbox lists them.
 */
public class OutboxMailSender extends JavaMailSenderImpl {

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final Path outbox;

  public OutboxMailSender(Path outbox) {
    this.outbox = outbox;
  }

  public Path outbox() {
    return outbox;
  }

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
    try {
      Files.createDirectories(outbox);
      for (MimeMessage message : mimeMessages) {
        message.saveChanges();
        Path file = outbox.resolve(FILE_TIME.format(Instant.now()) + "-" + UUID.randomUUID() + ".eml");
        write(message, file);
      }
    } catch (IOException | MessagingException e) {
      throw new MailSendException("could not write the e-mail into the outbox " + outbox + ": " + reason(e), e);
    }
  }

  /**
   * Written beside its name and then renamed: a write that fails midway, as on a full disk, leaves no cut-off e-mail
   * that /outbox would list beside the whole one its retry writes.
   */
  private static void write(MimeMessage message, Path file) throws IOException, MessagingException {
    Path part = file.resolveSibling(file.getFileName() + ".part");
    try {
      try (OutputStream out = Files.newOutputStream(part)) {
        message.writeTo(out);
      }
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | MessagingException e) {
      Files.deleteIfExists(part);
      throw e;
    }
  }

  /** In words: Java names some failures by their kind and the path alone. */
  private static String reason(Exception failure) {
    if (failure instanceof FileAlreadyExistsException) {
      return "a file stands where its folder should be";
    }
    if (failure instanceof AccessDeniedException) {
      return "access denied";
    }
    return failure.getMessage();
  }
}
