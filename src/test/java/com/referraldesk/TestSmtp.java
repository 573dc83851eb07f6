package com.referraldesk;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The test SMTP server's port: free, chosen once per JVM, so two test runs on one machine do not collide.
 * The test profile reads it as {@code test.smtp.port}. It lies below Linux's ephemeral range (32768 and up), where
 * outgoing connections take their local ports: a port from that range was taken by one while a test had stopped its
 * server, and the server could not start again ("Address already in use", one CI run).
 */
public final class TestSmtp {

  public static final int PORT = freePort();

  static {
    System.setProperty("test.smtp.port", String.valueOf(PORT));
  }

  private TestSmtp() {
  }

  public static GreenMailExtension server() {
    return new GreenMailExtension(new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
  }

  private static int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      try (ServerSocket socket = new ServerSocket(port)) {
        return port;
      } catch (IOException taken) {
        // another one
      }
    }
    throw new IllegalStateException("No free port between 20000 and 32000 for the test SMTP server");
  }
}
