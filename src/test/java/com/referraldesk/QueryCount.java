package com.referraldesk;

import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements a piece of code sends, to prove that something costs a fixed number of queries:
 * {@code int statements = QueryCount.during(() -> api.perform(get(...)));}. Only the calling thread's statements
 * count (MockMvc calls run on it), so the engine or other tests' threads do not disturb the count; a batch counts
 * each statement in it.
 *
 * <p>It counts in an application context that imports {@link Wiring}, which wraps the DataSource with
 * datasource-proxy; {@link JourneyTestSupport} does, so every test on the full application may use it.
 */
public final class QueryCount {

  private static final ThreadLocal<int[]> COUNTING = new ThreadLocal<>();
  private static volatile boolean wired;

  private QueryCount() {
  }

  /** What is counted: a call that may throw, as MockMvc's do. */
  @FunctionalInterface
  public interface Call {
    void run() throws Exception;
  }

  /** The number of SQL statements this thread sent while running {@code call}. */
  public static int during(Call call) throws Exception {
    if (!wired) {
      throw new IllegalStateException("no DataSource counts statements: import QueryCount.Wiring into the test's context");
    }
    if (COUNTING.get() != null) {
      throw new IllegalStateException("QueryCount.during does not nest");
    }
    int[] statements = {0};
    COUNTING.set(statements);
    try {
      call.run();
    } finally {
      COUNTING.remove();
    }
    return statements[0];
  }

  /** Wraps every DataSource of the context so that its statements are counted. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Wiring {

    @Bean
    static BeanPostProcessor countingDataSources() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
            wired = true;
            return ProxyDataSourceBuilder.create(dataSource).name(name).listener(new Counter()).build();
          }
          return bean;
        }
      };
    }
  }

  private static final class Counter implements QueryExecutionListener {

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      int[] statements = COUNTING.get();
      if (statements != null) {
        statements[0] += execution.isBatch() ? Math.max(execution.getBatchSize(), 1) : queries.size();
      }
    }
  }
}
