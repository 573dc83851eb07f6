package com.referraldesk.rfi;

import com.referraldesk.routing.CustomerNeed;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No partner could get the RFI: answered 422 with the reason, and nothing is stored. */
class RfiNotServable extends ErrorResponseException {

  /** No partner at all, when the customer let Referral Desk find partners; else none of those the customer chose. */
  RfiNotServable(CustomerNeed need, boolean findBestMatches, List<String> chosenUnavailable) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, problem(need, findBestMatches, chosenUnavailable), null);
  }

  private static ProblemDetail problem(CustomerNeed need, boolean findBestMatches, List<String> chosenUnavailable) {
    String customer = "a " + need.companySize() + " " + need.industry() + " company in " + need.country();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, findBestMatches
        ? "no partner serves " + customer
        : "none of the partners you chose (" + String.join(", ", chosenUnavailable) + ") serves " + customer
            + "; choose others, or set findBestMatches to let Referral Desk find partners");
    problem.setTitle("No partner can take this RFI");
    if (!chosenUnavailable.isEmpty()) {
      problem.setProperty("unavailable", chosenUnavailable);
    }
    return problem;
  }
}
