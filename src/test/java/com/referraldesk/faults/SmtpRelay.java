package com.referraldesk.faults;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A relay between a node and the test's SMTP server (GreenMail) that can hold a node between "the SMTP server has
 * taken the e-mail" and its next step: once armed, on the next connection that carries an e-mail it passes the
 * message on (GreenMail stores it and answers 250) and then never passes on the client's QUIT, so the node's mail
 * sender waits for the answer to QUIT and the step neither finishes nor records the e-mail as sent.
 */
final class SmtpRelay implements AutoCloseable {

  private final ServerSocket listener;
  private final int smtpPort;
  private final AtomicBoolean armed = new AtomicBoolean();
  private final CountDownLatch held = new CountDownLatch(1);
  private volatile String heldReferral;

  SmtpRelay(int smtpPort) throws IOException {
    this.smtpPort = smtpPort;
    this.listener = new ServerSocket(0);
    Thread accepting = new Thread(this::accept, "smtp-relay");
    accepting.setDaemon(true);
    accepting.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Holds the QUIT that follows the next e-mail sent (once). */
  void holdNextQuit() {
    armed.set(true);
  }

  /**
   * The referral (X-Referral-Id) of the e-mail that a node sent, GreenMail took and whose QUIT is now held; null if
   * none came within the time.
   */
  String awaitHeld(Duration atMost) throws InterruptedException {
    return held.await(atMost.toMillis(), TimeUnit.MILLISECONDS) ? heldReferral : null;
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket node = listener.accept();
        Socket smtp = new Socket("localhost", smtpPort);
        daemon(() -> answer(smtp, node));
        daemon(() -> relayCommands(node, smtp));
      } catch (IOException closed) {
        return;
      }
    }
  }

  /**
   * Passes the node's lines on as they come, watching the message's headers; a held QUIT is never passed on, and
   * the connection ends when the node's end closes (it is killed).
   */
  private void relayCommands(Socket node, Socket smtp) {
    try (node; smtp) {
      InputStream in = new BufferedInputStream(node.getInputStream());
      OutputStream out = smtp.getOutputStream();
      String referral = null;
      String line;
      while ((line = readLine(in)) != null) {
        if (line.startsWith("X-Referral-Id: ")) {
          referral = line.substring("X-Referral-Id: ".length()).strip();
        }
        if (referral != null && line.equalsIgnoreCase("QUIT\r\n") && armed.compareAndSet(true, false)) {
          heldReferral = referral;
          held.countDown();
          in.transferTo(OutputStream.nullOutputStream());
          return;
        }
        out.write(line.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    } catch (IOException gone) {
      // one end closed: the connection is over
    }
  }

  /** Passes the SMTP server's answers on to the node. */
  private static void answer(Socket smtp, Socket node) {
    try (node; smtp) {
      smtp.getInputStream().transferTo(node.getOutputStream());
    } catch (IOException gone) {
      // one end closed: the connection is over
    }
  }

  /** A line with its CRLF, byte for byte; null at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      line.write(b);
      if (b == '\n') {
        break;
      }
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  private static void daemon(Runnable work) {
    Thread thread = new Thread(work, "smtp-relay-connection");
    thread.setDaemon(true);
    thread.start();
  }
}
