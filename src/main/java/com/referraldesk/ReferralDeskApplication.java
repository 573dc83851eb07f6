package com.referraldesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReferralDeskApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReferralDeskApplication.class, args);
  }
}
