package com.referraldesk.referral;

import org.springframework.stereotype.Component;

/** Lets the BPMN give the response task the flame's priority: {@code ${flamePriority.of(flame)}}; public for the expression. */
@Component("flamePriority")
public class FlamePriority {

  public int of(String flame) {
    return Flame.valueOf(flame).taskPriority();
  }
}
