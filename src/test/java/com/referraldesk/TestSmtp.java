package com.referraldesk;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The test SMTP server's port: free, chosen once per JVM, so two test runs on one machine do not collide.
 * The test profile reads it as {@code test.smtp.port}.
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
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
