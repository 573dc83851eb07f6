package com.referraldesk.codes;

import com.referraldesk.api.Code;
import com.referraldesk.api.CodeLabels;
import com.referraldesk.partner.ProfileCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every code list with its words, for pages that show stored codes (the archive, the managers' dashboard): read-only,
 * for anyone signed in. English unless {@code language} names another e-mail language.
 */
@RestController
public record CodesController(CodeLabels labels) {

  /** One code and its words. */
  public record Word(String code, String label) {
  }

  @GetMapping("/api/codes")
  public Map<String, List<Word>> codes(@RequestParam(defaultValue = "en") @Code(ProfileCodes.LANGUAGES) String language) {
    Locale locale = Locale.forLanguageTag(language);
    Map<String, List<Word>> lists = new LinkedHashMap<>();
    CodeLists.ALL.forEach((list, codes) -> lists.put(list,
        codes.stream().map(code -> new Word(code, labels.label(list, code, locale))).toList()));
    return lists;
  }
}
