package com.referraldesk.notification;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Thymeleaf for e-mails: HTML (escaped) and plain-text templates under templates/, texts per language. */
@Configuration
class MailTemplateConfiguration {

  @Bean
  MessageSource mailMessages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("templates/mail/messages");
    source.setDefaultEncoding(StandardCharsets.UTF_8.name());
    source.setFallbackToSystemLocale(false);
    return source;
  }

  @Bean
  SpringTemplateEngine mailTemplates(MessageSource mailMessages) {
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    engine.setTemplateEngineMessageSource(mailMessages);
    return engine;
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }
}
