package com.referraldesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.api.CodeLabels;
import com.referraldesk.referral.CustomerRequest;
import com.referraldesk.registration.DealRegistration;
import com.referraldesk.registration.RegistrationState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.MessageSource;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Every e-mail, in every language the partners' profiles offer, shows what it is about from its view model alone. */
class MailTemplatesTest {

  /** Keywords as a customer may send them: markup is text, shown escaped in HTML. */
  static final CustomerRequest REQUEST = new CustomerRequest("Northwind Traders", "Nancy Davolio",
      "nancy@northwind.example", "+1 425 555 0150", "US", "medium", "retail", "en", "We want one cloud ERP for 40 stores.",
      "ERP, <script>alert('x')</script>", "Dynamics 365, Azure", true, "customer-search",
      Instant.parse("2026-03-02T08:00:00Z"));
  static final CodeLabels LABELS = new CodeLabels();
  static final ReferralMail MAIL = mail(REQUEST, Locale.ENGLISH);

  static final MailTemplateConfiguration CONFIGURATION = new MailTemplateConfiguration();
  static final MessageSource MESSAGES = CONFIGURATION.mailMessages();
  static final ITemplateEngine TEMPLATES = CONFIGURATION.mailTemplates(MESSAGES);

  /** The e-mail's view model as Notifications builds it for a recipient of this language. */
  static ReferralMail mail(CustomerRequest request, Locale locale) {
    return new ReferralMail(request, ReferralMail.Words.of(request, LABELS, locale), "Acme Integrators",
        "https://desk.example/camunda/app/tasklist/",
        "https://desk.example/api/partners/search?region=US&industry=retail&companySize=medium");
  }

  /** The words each language shows for the request's company size (medium) and industry (retail). */
  static final Map<String, List<String>> WORDS = Map.of(
      "en", List.of("Medium", "Retail", "United States"),
      "it", List.of("Media", "Vendita al dettaglio", "Stati Uniti"),
      "ko", List.of("중기업", "소매", "미국"),
      "ru", List.of("Средняя", "Розничная торговля"),
      "zh-TW", List.of("中型", "零售", "美國"));

  /** Every e-mail to a partner names the request's codes in the partner's language, and its keywords and products. */
  @ParameterizedTest
  @MethodSource("everyKindInEveryLanguage")
  void partnersReadWordsNotCodesAndTheKeywordsAndProducts(Notification kind, String language) {
    if (kind.audience() != Notification.Audience.PARTNER) {
      return;
    }
    Locale locale = Locale.forLanguageTag(language);
    ReferralMail mail = mail(REQUEST, locale);
    String country = CodeLabels.region("US", locale);
    assertThat(country).isNotEqualTo("US");
    for (String format : new String[] {".txt", ".html"}) {
      String text = TEMPLATES.process("mail/" + kind.template() + format, new Context(locale, Map.of("mail", mail)));
      assertThat(text).as("%s in %s", kind, language)
          .contains(WORDS.get(language)).contains(country, "Dynamics 365, Azure",
              MESSAGES.getMessage("label.keywords", null, locale), MESSAGES.getMessage("label.products", null, locale))
          .doesNotContain("medium", "retail", "customer-search");
      if (format.equals(".html")) {
        assertThat(text).contains("ERP, &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script");
      } else {
        assertThat(text).contains("ERP, <script>alert('x')</script>");
      }
    }
  }

  /** A request without keywords or products shows no empty lines for them. */
  @ParameterizedTest
  @MethodSource("everyKindInEveryLanguage")
  void noKeywordsOrProductsNoLinesForThem(Notification kind, String language) {
    Locale locale = Locale.forLanguageTag(language);
    CustomerRequest plain = new CustomerRequest(REQUEST.company(), REQUEST.contactName(), REQUEST.email(),
        REQUEST.phone(), REQUEST.country(), REQUEST.companySize(), REQUEST.industry(), REQUEST.language(),
        REQUEST.details(), "", null, false, REQUEST.source(), REQUEST.receivedAt());
    for (String format : new String[] {".txt", ".html"}) {
      String text = TEMPLATES.process("mail/" + kind.template() + format,
          new Context(locale, Map.of("mail", mail(plain, locale))));
      String after = format.equals(".txt") ? ":" : "</th>"; // a label as its line or row starts
      assertThat(text).as("%s in %s", kind, language).doesNotContain(
          MESSAGES.getMessage("label.keywords", null, locale) + after,
          MESSAGES.getMessage("label.products", null, locale) + after);
    }
  }

  static Stream<Arguments> everyKindInEveryLanguage() {
    return Arrays.stream(Notification.values()).flatMap(kind ->
        Stream.of("en", "zh-TW", "ko", "ru", "it").map(language -> Arguments.of(kind, language)));
  }

  /** A classic referral before "I'm interested": its e-mails show the overview, and no empty contact lines. */
  @ParameterizedTest
  @MethodSource("classicKindsInEveryLanguage")
  void classicEmailsBeforeInterestShowNoContactLines(Notification kind, String language) {
    CustomerRequest overview = new CustomerRequest(REQUEST.company(), null, null, null, REQUEST.country(),
        REQUEST.companySize(), REQUEST.industry(), REQUEST.language(), REQUEST.details(), REQUEST.keywords(),
        REQUEST.products(), false, REQUEST.source(), REQUEST.receivedAt());
    Locale locale = Locale.forLanguageTag(language);
    ReferralMail mail = new ReferralMail(overview, ReferralMail.Words.of(overview, LABELS, locale), MAIL.partnerName(),
        MAIL.tasklistUrl(), null);
    for (String format : new String[] {".txt", ".html"}) {
      String text = TEMPLATES.process("mail/" + kind.template() + format, new Context(locale, Map.of("mail", mail)));
      assertThat(text).contains(REQUEST.details(), REQUEST.products(), WORDS.get(language).get(1))
          .doesNotContain("??");
      if (kind != Notification.CUSTOMER_CHOSE_ANOTHER_PARTNER) {
        assertThat(text).contains(MAIL.tasklistUrl());
      }
      for (String label : new String[] {"label.contact", "label.email", "label.phone"}) {
        assertThat(text).as("%s in %s", label, language).doesNotContain(MESSAGES.getMessage(label, null, locale));
      }
    }
  }

  static Stream<Arguments> classicKindsInEveryLanguage() {
    return Stream.of(Notification.NEW_CLASSIC_REFERRAL, Notification.INTEREST_REMINDER, Notification.CUSTOMER_CHOSE_ANOTHER_PARTNER)
        .flatMap(kind -> Stream.of("en", "zh-TW", "ko", "ru", "it").map(language -> Arguments.of(kind, language)));
  }

  @ParameterizedTest
  @MethodSource("everyKindInEveryLanguage")
  void showsTheRequestAndWhatToDo(Notification kind, String language) {
    Locale locale = Locale.forLanguageTag(language);
    String subject = MESSAGES.getMessage(kind.template() + ".subject",
        new Object[] {REQUEST.company(), MAIL.partnerName()}, locale);
    assertThat(subject).isNotBlank().doesNotContain("{0}", "{1}");
    for (String format : new String[] {".txt", ".html"}) {
      String text = TEMPLATES.process("mail/" + kind.template() + format,
          new Context(locale, Map.of("mail", mail(REQUEST, locale))));
      assertThat(text).as("%s in %s", kind, language)
          .contains(REQUEST.details())
          .doesNotContain("??"); // how Thymeleaf shows a text missing from the language's messages
      if (kind.audience() == Notification.Audience.PARTNER) {
        assertThat(text).contains(REQUEST.company(), REQUEST.contactName(), REQUEST.email(), REQUEST.phone());
      } else {
        assertThat(text).as("the customer can choose partners again").contains(REQUEST.contactName(),
            format.equals(".html") ? MAIL.choosePartnerUrl().replace("&", "&amp;") : MAIL.choosePartnerUrl());
      }
      if (kind == Notification.NEW_REFERRAL || kind == Notification.RESPONSE_REMINDER) {
        assertThat(text).contains(MAIL.tasklistUrl());
      }
    }
  }

  static final DealRegistration REGISTRATION = new DealRegistration("ref-1", "pi-1", "acme", "acme-berlin",
      "Northwind Traders", RegistrationState.REJECTED, "dynamics 365", "Dynamics 365 Finance",
      new BigDecimal("142000.50"), LocalDate.of(2026, 3, 31), "PO-4711", "sell-and-deploy", null,
      REQUEST.receivedAt(), REQUEST.receivedAt(), "alice", REQUEST.receivedAt(), null, "maria",
      "The PO predates the referral.", List.of());

  /** Every deal registration e-mail, in every language: its own texts, the registration, the question or reason. */
  @ParameterizedTest
  @MethodSource("everyDealKindInEveryLanguage")
  void dealRegistrationEmailsShowTheRegistrationAndWhatToDo(DealNotification kind, String language) {
    Locale locale = Locale.forLanguageTag(language);
    Object[] about = {REGISTRATION.customerCompany(), "Acme Integrators"};
    String subject = MESSAGES.getMessage(kind.messages() + ".subject", about, locale);
    assertThat(subject).isNotBlank().doesNotContain("{0}", "{1}").contains("Northwind Traders");
    DealRegistrationMail mail = new DealRegistrationMail(MESSAGES.getMessage(kind.messages() + ".intro", about, locale),
        MESSAGES.getMessage(kind.messages() + ".action", about, locale), "Acme Integrators", REGISTRATION,
        LABELS.label(CodeLabels.PARTNER_ROLE, REGISTRATION.partnerRole(), locale),
        kind == DealNotification.QUESTION ? "Which <b>purchase order</b>?" : null, MAIL.tasklistUrl());
    for (String format : new String[] {".txt", ".html"}) {
      String text = TEMPLATES.process("mail/" + DealNotification.TEMPLATE + format,
          new Context(locale, Map.of("mail", mail)));
      assertThat(text).as("%s in %s", kind, language)
          .contains("Northwind Traders", "Acme Integrators", "Dynamics 365 Finance", "142000.50", "PO-4711",
              MAIL.tasklistUrl(), mail.partnerRole())
          .doesNotContain("??", "sell-and-deploy");
      if (format.equals(".txt")) {
        assertThat(text).contains(mail.intro(), mail.action());
      }
      if (kind == DealNotification.QUESTION) {
        assertThat(text).contains(format.equals(".html") ? "Which &lt;b&gt;purchase order&lt;/b&gt;?"
            : "Which <b>purchase order</b>?");
      }
    }
  }

  static Stream<Arguments> everyDealKindInEveryLanguage() {
    return Arrays.stream(DealNotification.values()).flatMap(kind ->
        Stream.of("en", "zh-TW", "ko", "ru", "it").map(language -> Arguments.of(kind, language)));
  }
}
