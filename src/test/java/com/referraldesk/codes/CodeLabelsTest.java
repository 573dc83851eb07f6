package com.referraldesk.codes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.referraldesk.api.CodeLabels;
import com.referraldesk.referral.AnalystFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every code of every list has its words in every e-mail language, written once, in codes/labels*.properties. */
class CodeLabelsTest {

  private static final CodeLabels LABELS = new CodeLabels();

  /** Each language's own file, read without falling back to English: a missing label is missing. */
  @ParameterizedTest
  @ValueSource(strings = {"", "_zh_TW", "_ko", "_ru", "_it"})
  void everyCodeOfEveryListHasItsWordsInEveryLanguage(String language) {
    Properties labels = labels(language);
    CodeLists.ALL.forEach((list, codes) -> codes.forEach(code ->
        assertThat(labels.getProperty(list + "." + code)).as("labels%s: %s.%s", language, list, code).isNotBlank()));
    Set<String> keys = CodeLists.ALL.entrySet().stream()
        .flatMap(list -> list.getValue().stream().map(code -> list.getKey() + "." + code))
        .collect(Collectors.toSet());
    assertThat(labels.stringPropertyNames()).as("labels%s holds only codes of the lists", language)
        .isSubsetOf(keys);
  }

  @Test
  void everyLanguageOfTheProfilesHasItsFile() {
    for (String language : CodeLists.ALL.get("language")) {
      String suffix = language.equals("en") ? "" : "_" + language.replace('-', '_');
      assertThat(labels(suffix)).as(language).isNotEmpty();
    }
  }

  /** The forms' choices read as the archive and the e-mails name them. */
  @Test
  void theFormsOfferTheirChoicesInTheSameEnglishWords() {
    Map<String, List<String>> formsAndLists = Map.of(
        "forms/referral-response.form", List.of("purchaseTimeframe", "declineReason"),
        "forms/classic-evaluation.form", List.of("declineReason"),
        "forms/engagement.form", List.of("lostReason"),
        "forms/classic-outcome.form", List.of("lostReason"),
        "forms/deal-registration.form", List.of("partnerRole"),
        "forms/deal-registration-answer.form", List.of("partnerRole"));
    formsAndLists.forEach((path, lists) -> {
      JsonNode form = AnalystFiles.form(path);
      for (String list : lists) {
        JsonNode field = AnalystFiles.components(form).stream().filter(c -> list.equals(c.path("key").asText()))
            .findFirst().orElseThrow();
        field.get("values").forEach(value -> assertThat(value.get("label").asText()).as("%s %s", path, list)
            .isEqualTo(LABELS.label(list, value.get("value").asText(), Locale.ENGLISH)));
      }
    });
  }

  @Test
  void anUnknownCodeShowsAsItselfAndAMissingTranslationInEnglish() {
    assertThat(LABELS.label(CodeLabels.INDUSTRY, "mining", Locale.ITALIAN)).isEqualTo("mining");
    assertThat(LABELS.label(CodeLabels.INDUSTRY, "retail", Locale.forLanguageTag("zh-TW"))).isEqualTo("零售");
    assertThat(LABELS.label(CodeLabels.INDUSTRY, "retail", Locale.GERMAN)).isEqualTo("Retail");
    assertThat(CodeLabels.region("US", Locale.ITALIAN)).isEqualTo("Stati Uniti");
    assertThat(CodeLabels.region("XX", Locale.ENGLISH)).isEqualTo("XX");
  }

  private static Properties labels(String suffix) {
    Properties labels = new Properties();
    try (InputStream in = CodeLabelsTest.class.getClassLoader()
        .getResourceAsStream("codes/labels" + suffix + ".properties")) {
      assertThat(in).as("codes/labels%s.properties", suffix).isNotNull();
      labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return labels;
  }
}
