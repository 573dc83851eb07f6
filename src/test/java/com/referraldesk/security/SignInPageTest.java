package com.referraldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where GET /login sends a browser: the one sign-in form, and back only to the application's own pages. */
class SignInPageTest {

  private static final Principal ANNA = () -> "anna";
  private final SignInPage page = new SignInPage();

  @Test
  void aBrowserThatIsNotSignedInGoesToTasklistsFormAndComesBack() {
    assertThat(to(null, null)).isEqualTo("/camunda/app/tasklist/default/#/login");
    assertThat(to("/desk/archive.html?state=WON&from=2026-01-01", null))
        .isEqualTo("/camunda/app/tasklist/default/?next=%2Fdesk%2Farchive.html%3Fstate%3DWON%26from%3D2026-01-01#/login");
  }

  @Test
  void aSignedInBrowserGoesStraightBack() {
    assertThat(to("/desk/partners.html", ANNA)).isEqualTo("/desk/partners.html");
    assertThat(to("/api/partners/contoso/archived-referrals", ANNA)).isEqualTo("/api/partners/contoso/archived-referrals");
    assertThat(to(null, ANNA)).isEqualTo("/camunda/app/tasklist/default/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example/desk/", "//evil.example/desk/", "/desk//evil.example", "/\\evil.example",
      "/desk/\\evil", "/desk/%zz", "/desk/a b", "/desk/\r\nSet-Cookie:x=1", "/camunda/app/cockpit/", "desk/archive.html",
      "javascript:alert(1)", "/engine-rest/task"})
  void neverToAnotherSiteNorOutsideTheApplicationsPages(String next) {
    assertThat(to(next, null)).isEqualTo("/camunda/app/tasklist/default/#/login");
    assertThat(to(next, ANNA)).isEqualTo("/camunda/app/tasklist/default/");
  }

  private String to(String next, Principal user) {
    return page.signIn(next, user).getHeaders().getLocation().toString();
  }
}
