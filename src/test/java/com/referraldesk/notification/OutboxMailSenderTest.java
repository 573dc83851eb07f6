package com.referraldesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.MailSendException;

/** The outbox never shows a cut-off e-mail: one whose write failed midway is not left in it. */
class OutboxMailSenderTest {

  @TempDir
  Path folder;

  @Test
  void aWriteThatFailsMidwayAsOnAFullDiskLeavesNothingInTheOutboxAndItsRetryWritesTheWholeEmailOnce()
      throws Exception {
    Path outbox = folder.resolve("outbox");
    OutboxMailSender sender = new OutboxMailSender(outbox);
    MimeMessage fillsTheDisk = new MimeMessage(sender.getSession()) {
      @Override
      public void writeTo(OutputStream out) throws IOException, MessagingException {
        out.write("Subject: half an e-mail\r\n".getBytes(StandardCharsets.US_ASCII));
        throw new IOException("No space left on device");
      }
    };
    fillsTheDisk.setText("never whole");

    assertThatThrownBy(() -> sender.send(fillsTheDisk)).isInstanceOf(MailSendException.class)
        .hasMessage("could not write the e-mail into the outbox " + outbox + ": No space left on device");
    assertThat(files(outbox)).as("nothing left of the failed write").isEmpty();

    MimeMessage whole = new MimeMessage(sender.getSession());
    whole.setSubject("whole");
    whole.setText("the retry");
    sender.send(whole);
    assertThat(files(outbox)).singleElement().satisfies(file ->
        assertThat(Files.readString(file)).contains("Subject: whole", "the retry"));
  }

  private static List<Path> files(Path outbox) throws IOException {
    try (Stream<Path> files = Files.list(outbox)) {
      return files.toList();
    }
  }
}
