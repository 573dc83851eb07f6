package com.referraldesk.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Shows the captured e-mails in the browser: /outbox lists them, /outbox/{file} shows one. */
@RestController
@ConditionalOnExpression(MailCaptureConfiguration.NO_SMTP_HOST)
class OutboxController {

  private static final String MAIL_FILE = "[0-9A-Za-z-]+\\.eml";
  private static final int SHOWN = 200;

  private final Path outbox;
  private final ITemplateEngine templates;
  private final Session session = Session.getInstance(new Properties());

  OutboxController(OutboxMailSender sender, ITemplateEngine mailTemplates) {
    this.outbox = sender.outbox();
    this.templates = mailTemplates;
  }

  /** A captured e-mail as the list shows it. */
  public record CapturedMail(String file, String to, String subject, String sentAt) {
  }

  @GetMapping(value = "/outbox", produces = MediaType.TEXT_HTML_VALUE)
  @PreAuthorize("@access.mayOperate()")
  public String list() throws IOException, MessagingException {
    Context context = new Context();
    context.setVariable("outbox", outbox.toString());
    context.setVariable("mails", mails());
    return templates.process("outbox.html", context);
  }

  @GetMapping(value = "/outbox/{file}", produces = MediaType.TEXT_HTML_VALUE)
  @PreAuthorize("@access.mayOperate()")
  public String show(@PathVariable String file) throws IOException, MessagingException {
    if (!file.matches(MAIL_FILE) || !Files.isRegularFile(outbox.resolve(file))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no captured e-mail " + file);
    }
    Object html = part(read(outbox.resolve(file)), "text/html");
    return html == null ? "" : html.toString();
  }

  private List<CapturedMail> mails() throws IOException, MessagingException {
    if (!Files.isDirectory(outbox)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(outbox)) {
      files = listing.filter(f -> f.getFileName().toString().matches(MAIL_FILE))
          .sorted(Comparator.comparing(Path::getFileName).reversed())
          .limit(SHOWN)
          .toList();
    }
    List<CapturedMail> mails = new ArrayList<>();
    for (Path file : files) {
      MimeMessage message = read(file);
      mails.add(new CapturedMail(file.getFileName().toString(), String.join(", ", message.getHeader("To")),
          message.getSubject(), String.valueOf(message.getSentDate())));
    }
    return mails;
  }

  private MimeMessage read(Path file) throws IOException, MessagingException {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(session, in);
    }
  }

  private static Object part(Part part, String mimeType) throws MessagingException, IOException {
    if (part.isMimeType(mimeType)) {
      return part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        Object found = part(body, mimeType);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
