package com.referraldesk;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.QueryType;
import net.ttddyy.dsproxy.listener.ChainListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.listener.QueryUtils;
import net.ttddyy.dsproxy.support.ProxyDataSource;

/**
 * The SQL statements a call sends, by kind, where {@link QueryCount} counts them all: a listener joins the
 * datasource-proxy that {@link QueryCount.Wiring} put around the DataSource for the length of the call, and counts
 * the calling thread's statements only.
 */
public final class StatementKinds {

  private StatementKinds() {
  }

  /** The statements of one call, by kind. */
  public record Statements(int select, int insert, int update, int delete, int other) {

    /** Inserts, updates and deletes. */
    public int writes() {
      return insert + update + delete;
    }
  }

  /** The statements this thread sent through the context's {@code dataSource} while running {@code call}. */
  public static Statements during(DataSource dataSource, QueryCount.Call call) throws Exception {
    if (!(dataSource instanceof ProxyDataSource proxy)) {
      throw new IllegalStateException("the DataSource is not wrapped: import QueryCount.Wiring into the context");
    }
    Map<QueryType, Integer> kinds = new EnumMap<>(QueryType.class);
    Thread caller = Thread.currentThread();
    QueryExecutionListener counter = new QueryExecutionListener() {
      @Override
      public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      }

      @Override
      public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        if (Thread.currentThread() == caller) {
          queries.forEach(query -> kinds.merge(QueryUtils.getQueryType(query.getQuery()), 1, Integer::sum));
        }
      }
    };
    ChainListener chain = proxy.getProxyConfig().getQueryListener();
    chain.addListener(counter);
    try {
      call.run();
    } finally {
      List<QueryExecutionListener> others = new ArrayList<>(chain.getListeners());
      others.remove(counter);
      chain.setListeners(others);
    }
    return new Statements(kinds.getOrDefault(QueryType.SELECT, 0), kinds.getOrDefault(QueryType.INSERT, 0),
        kinds.getOrDefault(QueryType.UPDATE, 0), kinds.getOrDefault(QueryType.DELETE, 0),
        kinds.getOrDefault(QueryType.OTHER, 0));
  }
}
