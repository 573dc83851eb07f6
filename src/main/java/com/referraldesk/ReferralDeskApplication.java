package com.referraldesk;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReferralDeskApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReferralDeskApplication.class, args);
  }

  /** The application's time, the system's; the engine's timers follow the system clock too. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
