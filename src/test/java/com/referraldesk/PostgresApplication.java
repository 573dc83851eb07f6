package com.referraldesk;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole application as production starts it (the postgres profile) on an embedded PostgreSQL, on a free port. */
public final class PostgresApplication {

  private PostgresApplication() {
  }

  /** {@code engine}: a name of its own, as the registry of engines is shared by the JVM with other tests' contexts. */
  public static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String engine,
      Map<String, String> settings) {
    Map<String, String> all = new LinkedHashMap<>(Map.of(
        "REFERRAL_DESK_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
        "REFERRAL_DESK_DB_USER", "postgres",
        "REFERRAL_DESK_DB_PASSWORD", "",
        "server.port", "0",
        "camunda.bpm.process-engine-name", engine));
    all.putAll(settings);
    return new SpringApplicationBuilder(ReferralDeskApplication.class).profiles("postgres")
        .run(all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
  }
}
