package com.referraldesk;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The test SMTP server's port: free, chosen once per JVM, so two test runs on one machine do not collide.
 * The test profile reads it as {@code test.smtp.port}. A test stops the server and starts it again on it, so it lies
 * below the ephemeral range ({@link TestPorts}).
 */
public final class TestSmtp {

  public static final int PORT = TestPorts.freeBelowEphemeralRange();

  static {
    System.setProperty("test.smtp.port", String.valueOf(PORT));
  }

  private TestSmtp() {
  }

  public static GreenMailExtension server() {
    return new GreenMailExtension(new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
  }
}
