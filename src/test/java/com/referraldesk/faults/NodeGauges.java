package com.referraldesk.faults;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A node JVM's live threads and its connection pool's borrowed connections, read over JMX: the JDK's attach API
 * starts the node's local management agent, so the node needs no JMX settings, only Hikari's MBeans
 * ({@code spring.datasource.hikari.register-mbeans=true}).
 */
final class NodeGauges implements AutoCloseable {

  private final JMXConnector connector;
  private final MBeanServerConnection beans;
  private final ObjectName pool;

  NodeGauges(long pid) throws Exception {
    VirtualMachine node = VirtualMachine.attach(Long.toString(pid));
    try {
      connector = JMXConnectorFactory.connect(new JMXServiceURL(node.startLocalManagementAgent()));
    } finally {
      node.detach();
    }
    beans = connector.getMBeanServerConnection();
    Set<ObjectName> pools = beans.queryNames(new ObjectName("com.zaxxer.hikari:type=Pool (*"), null);
    if (pools.size() != 1) {
      throw new IllegalStateException("expected one Hikari pool MBean, found " + pools);
    }
    pool = pools.iterator().next();
  }

  int threads() throws Exception {
    return (Integer) beans.getAttribute(new ObjectName("java.lang:type=Threading"), "ThreadCount");
  }

  /** Connections borrowed from the pool and not yet given back. */
  int activeConnections() throws Exception {
    return (Integer) beans.getAttribute(pool, "ActiveConnections");
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
