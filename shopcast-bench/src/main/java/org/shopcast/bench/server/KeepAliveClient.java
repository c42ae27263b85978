package org.shopcast.bench.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One persistent HTTP/1.1 connection of the load generator: sends a request given as ready-made
 * bytes (request line, headers and body serialised once, before the measurement) and reads the
 * answer's status and body ({@code Content-Length} or chunked). Deliberately minimal, so that the
 * load generator costs a write and a read system call per request and leaves the cores to the
 * server. Not thread-safe: one per sender thread.
 */
final class KeepAliveClient implements AutoCloseable {
  private final String host;
  private final int port;
  private Socket socket;
  private OutputStream out;
  private InputStream in;
  private final byte[] line = new byte[8192];

  KeepAliveClient(URI base) {
    this.host = base.getHost();
    this.port = base.getPort();
  }

  /** The bytes of a request to {@code path} on {@code base} with the given headers and body. */
  static byte[] request(String method, URI base, String path, String auth, byte[] body) {
    StringBuilder head =
        new StringBuilder()
            .append(method)
            .append(' ')
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(base.getHost())
            .append(':')
            .append(base.getPort())
            .append("\r\nAuthorization: ")
            .append(auth)
            .append("\r\n");
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ")
          .append(body.length)
          .append("\r\n");
    }
    byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[h.length + (body == null ? 0 : body.length)];
    System.arraycopy(h, 0, all, 0, h.length);
    if (body != null) {
      System.arraycopy(body, 0, all, h.length, body.length);
    }
    return all;
  }

  /** An answer: status and body. */
  record Answer(int status, byte[] body) {}

  /** Sends {@code request} and reads the answer, reconnecting once if the server closed. */
  Answer send(byte[] request) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        if (socket == null) {
          socket = new Socket();
          socket.setTcpNoDelay(true);
          socket.connect(new InetSocketAddress(host, port));
          out = socket.getOutputStream();
          in = new BufferedInputStream(socket.getInputStream(), 16384);
        }
        out.write(request);
        out.flush();
        return read();
      } catch (IOException e) {
        close();
        if (attempt > 0) {
          throw e;
        }
      }
    }
  }

  private Answer read() throws IOException {
    String status = readLine();
    if (status == null) {
      throw new IOException("connection closed by the server");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    String header;
    while ((header = readLine()) != null && !header.isEmpty()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.equalsIgnoreCase("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        closeAfter = value.equalsIgnoreCase("close");
      }
    }
    byte[] body;
    if (chunked) {
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      while (true) {
        String size = readLine();
        int semi = size.indexOf(';');
        int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        if (n == 0) {
          while (!readLine().isEmpty()) {
            // trailers
          }
          break;
        }
        all.write(in.readNBytes(n));
        readLine();
      }
      body = all.toByteArray();
    } else {
      body = in.readNBytes((int) Math.max(0, length));
    }
    if (closeAfter) {
      close();
    }
    return new Answer(code, body);
  }

  private String readLine() throws IOException {
    int n = 0;
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
        return new String(line, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (n < line.length) {
        line[n++] = (byte) b;
      }
    }
    return n == 0 ? null : new String(line, 0, n, StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
      socket = null;
    }
  }
}
