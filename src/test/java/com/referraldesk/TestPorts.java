package com.referraldesk;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports for servers a test stops and starts again on the same port. They lie below Linux's ephemeral range
 * (32768 and up), where outgoing connections take their local ports: a port from that range was taken by one while
 * a test had stopped its server, and the server could not start again ("Address already in use", one CI run).
 */
public final class TestPorts {

  private TestPorts() {
  }

  public static int freeBelowEphemeralRange() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      try (ServerSocket socket = new ServerSocket(port)) {
        return port;
      } catch (IOException taken) {
        // another one
      }
    }
    throw new IllegalStateException("No free port between 20000 and 32000");
  }
}
