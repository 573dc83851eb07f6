package com.referraldesk.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.referraldesk.JourneyTestSupport;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;

/** Every partner gets its referral inbox of both journeys in Tasklist, demo mode or not, visible to its own group only. */
class PartnerInboxTest extends JourneyTestSupport {

  @Test
  void addingAPartnerGivesItsGroupTheTasklistFiltersOfBothJourneysAndItsDealRegistrations() {
    for (String name : new String[] {"New referrals", "Customer wants contact", "Active engagements", "Classic: New",
        "Classic: Evaluating", "Classic: Negotiating", "Deal registrations"}) {
      Filter filter = processEngine.getFilterService().createTaskFilterQuery()
          .filterName(ACME.name() + ": " + name).singleResult();
      assertThat(filter).as(name).isNotNull();
      List<?> columns = (List<?>) filter.getProperties().get("variables");
      assertThat(columns.stream().map(column -> String.valueOf(((Map<?, ?>) column).get("name"))).toList())
          .as("the columns of %s: the tasks' cards", name)
          .containsExactly("cardCustomer", "cardFlame", "cardReceived", "cardEngagement", "cardValue");
      assertThat(processEngine.getAuthorizationService().isUserAuthorized("alice", List.of(ACME.groupId()),
          Permissions.READ, Resources.FILTER, filter.getId())).as("the partner's group reads " + name).isTrue();
      assertThat(processEngine.getAuthorizationService().isUserAuthorized("bob", List.of("otherSales"),
          Permissions.READ, Resources.FILTER, filter.getId())).as("another partner's does not").isFalse();
    }
    partners.addPartner(ACME);
    assertThat(processEngine.getFilterService().createTaskFilterQuery().filterNameLike(ACME.name() + ":%").count())
        .as("adding the partner again makes no second inbox").isEqualTo(7);
  }

  /** The referral managers' filter of deal registrations waiting for their review: theirs only. */
  @Test
  void theReferralManagersHaveTheirFilterOfPendingDealRegistrations() {
    Filter filter = processEngine.getFilterService().createTaskFilterQuery()
        .filterName("Deal registrations: pending review").singleResult();
    assertThat(filter).isNotNull();
    assertThat(processEngine.getAuthorizationService().isUserAuthorized("maria", List.of("referralManagers"),
        Permissions.READ, Resources.FILTER, filter.getId())).isTrue();
    assertThat(processEngine.getAuthorizationService().isUserAuthorized("alice", List.of(ACME.groupId()),
        Permissions.READ, Resources.FILTER, filter.getId())).isFalse();
  }
}
