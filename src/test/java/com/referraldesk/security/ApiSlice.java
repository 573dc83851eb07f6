package com.referraldesk.security;

import com.referraldesk.archive.ArchiveController;
import com.referraldesk.archive.ReferralArchive;
import com.referraldesk.onboarding.InvitationController;
import com.referraldesk.onboarding.Onboarding;
import com.referraldesk.onboarding.OnboardingController;
import com.referraldesk.partner.PartnerDirectory;
import com.referraldesk.partner.PartnerUserController;
import com.referraldesk.partner.PartnerUsers;
import com.referraldesk.partner.ProfileController;
import com.referraldesk.partner.Profiles;
import com.referraldesk.registration.DealRegistrations;
import com.referraldesk.rfi.RfiController;
import com.referraldesk.rfi.Rfis;
import com.referraldesk.routing.FindPartnerController;
import com.referraldesk.routing.Matching;
import com.referraldesk.routing.PartnerFigures;
import com.referraldesk.routing.PartnerStatsController;
import com.referraldesk.routing.RoutingSettings;
import org.camunda.bpm.engine.IdentityService;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The application's API alone, in seconds: its controllers, error answers, validation and security over mocked
 * services, with no engine and no database. One context for every test that extends it, so the fast tier stays fast.
 */
@WebMvcTest(controllers = {ProfileController.class, PartnerUserController.class, RfiController.class,
    FindPartnerController.class, PartnerStatsController.class, ArchiveController.class, OnboardingController.class,
    InvitationController.class})
@Import({ApiSecurity.class, ApiAccess.class})
@EnableConfigurationProperties(RoutingSettings.class)
public abstract class ApiSlice {

  @Autowired
  protected MockMvc api;

  @MockitoBean
  protected PartnerDirectory partners;
  @MockitoBean
  protected Profiles profiles;
  @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
  protected IdentityService identity;
  @MockitoBean
  protected PartnerUsers users;
  @MockitoBean
  protected Onboarding onboarding;
  @MockitoBean
  protected Rfis rfis;
  @MockitoBean
  protected Matching matching;
  /** The partners' figures (the field's name is older than PartnerFigures, and tests on other branches use it). */
  @MockitoBean
  protected PartnerFigures records;
  @MockitoBean
  protected ReferralArchive archive;
  /** The deal registrations the archive's API shows. */
  @MockitoBean
  protected DealRegistrations registrations;
}
