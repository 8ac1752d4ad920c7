package org.safeload.app.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a free loopback port to a server (the test PostgreSQL), with a switch, so that a
 * test can take the database away from a running app without touching the shared server: {@link
 * #cut} closes every connection through the proxy and then refuses new ones (accepted and closed at
 * once, as a server that has gone) or holds them (accepted and never answered, as a network that
 * drops everything); {@link #restore} forwards new connections again.
 */
final class TcpProxy implements AutoCloseable {

  /** What a new connection meets while the proxy is cut. */
  enum Down {
    REFUSE,
    HOLD
  }

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Set<Socket> held = ConcurrentHashMap.newKeySet();
  private final AtomicInteger forwarded = new AtomicInteger();
  private volatile Down down;

  private TcpProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("tcp-proxy-accept").start(this::accept);
  }

  /** Starts a proxy to host:port, up. */
  static TcpProxy to(String host, int port) throws IOException {
    return new TcpProxy(new InetSocketAddress(host, port));
  }

  int port() {
    return server.getLocalPort();
  }

  /** How many connections it has forwarded to the server so far. */
  int forwarded() {
    return forwarded.get();
  }

  /** How many connections it holds unanswered now (while cut with {@link Down#HOLD}). */
  int held() {
    return held.size();
  }

  /** The database goes away: every connection through the proxy is closed. */
  synchronized void cut(Down how) {
    down = how;
    closeAll();
  }

  /** The database is back: new connections are forwarded (any held one is closed). */
  synchronized void restore() {
    down = null;
    for (Socket s : held) {
      quietly(s);
    }
    held.clear();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing anyway.
    }
    closeAll();
  }

  private void closeAll() {
    for (Set<Socket> sockets : List.of(open, held)) {
      for (Socket s : sockets) {
        quietly(s);
      }
      sockets.clear();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      // Decided under the switch's lock, so that a cut closes every connection it let through.
      synchronized (this) {
        if (down == Down.REFUSE) {
          quietly(client);
          continue;
        }
        if (down == Down.HOLD) {
          held.add(client); // never answered; closed by restore() or close()
          continue;
        }
        open.add(client);
        try {
          Socket upstream = new Socket();
          upstream.connect(target, 5_000);
          open.add(upstream);
          forwarded.incrementAndGet();
          pump(client, upstream);
          pump(upstream, client);
        } catch (IOException e) {
          open.remove(client);
          quietly(client);
        }
      }
    }
  }

  /** Copies one direction until either side closes, then closes both. */
  private void pump(Socket from, Socket to) {
    Thread.ofPlatform()
        .daemon()
        .name("tcp-proxy-pump")
        .start(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // One side closed (or was cut).
              } finally {
                open.remove(from);
                open.remove(to);
                quietly(from);
                quietly(to);
              }
            });
  }

  private static void quietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Already closed.
    }
  }
}
