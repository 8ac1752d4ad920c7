package org.safeload.app.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * An RFC 9457 problem written straight to the response, for filters that answer before any
 * controller (and so before {@link ApiProblems}): sign-in, throttling, size and origin checks.
 */
public final class ProblemResponse {

  private ProblemResponse() {}

  /** Writes {@code {type, title, status, detail}}; the title is the status's reason phrase. */
  public static void write(HttpServletResponse response, int status, String detail)
      throws IOException {
    write(response, status, "about:blank", HttpStatus.valueOf(status).getReasonPhrase(), detail);
  }

  /** Writes {@link DatabaseUnavailable}'s 503. */
  public static void writeDatabaseUnavailable(HttpServletResponse response) throws IOException {
    write(
        response,
        503,
        DatabaseUnavailable.TYPE.toString(),
        DatabaseUnavailable.TITLE,
        DatabaseUnavailable.DETAIL);
  }

  private static void write(
      HttpServletResponse response, int status, String type, String title, String detail)
      throws IOException {
    response.setStatus(status);
    // JSON is UTF-8 (RFC 8259): the bytes are written as such, and the type names no charset.
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getOutputStream()
        .write(
            ("{\"type\":\""
                    + json(type)
                    + "\",\"title\":\""
                    + json(title)
                    + "\",\"status\":"
                    + status
                    + ",\"detail\":\""
                    + json(detail)
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8));
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
