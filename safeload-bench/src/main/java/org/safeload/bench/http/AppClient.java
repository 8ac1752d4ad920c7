package org.safeload.bench.http;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's connection to the app: a session for pages (signed in through the sign-in form, with
 * its CSRF token, like a browser) and an API token for {@code /api/v1}. Redirects are not followed,
 * so a page that sends the user back to sign in counts as an error, not as a fast page.
 */
public final class AppClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final URI base;
  private final Duration timeout;
  private final HttpClient http;
  private String token;

  public AppClient(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();
  }

  public URI base() {
    return base;
  }

  /** Uses this API token from now on. */
  public void useToken(String apiToken) {
    this.token = apiToken;
  }

  /** Signs in through the sign-in form, as a browser does: the session is kept in a cookie. */
  public void signIn(String username, String password) {
    String csrf = csrf(page("/sign-in"));
    HttpResponse<String> r =
        send(
            form("/sign-in", Map.of("username", username, "password", password, "_csrf", csrf)),
            BodyHandlers.ofString());
    String location = r.headers().firstValue("Location").orElse("");
    if (r.statusCode() != 302 || location.contains("error") || location.contains("sign-in")) {
      throw new BenchFailure(
          "Could not sign in as " + username + ": HTTP " + r.statusCode() + " to " + location);
    }
  }

  /** A page's HTML; anything but 200 fails. */
  public String page(String path) {
    HttpResponse<String> r =
        send(request(path).header("Accept", "text/html").GET().build(), BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new BenchFailure("GET " + path + ": HTTP " + r.statusCode());
    }
    return r.body();
  }

  /** Posts a form with the CSRF token of the page it is on; answers the response. */
  public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
    Map<String, String> all = new java.util.LinkedHashMap<>(fields);
    all.put("_csrf", csrf(page(formPage)));
    return send(form(action, all), BodyHandlers.ofString());
  }

  /** An API call with the token; anything but 2xx fails, with the problem details. */
  public String api(String method, String path, String contentType, BodyPublisher body) {
    HttpRequest.Builder b =
        request(path)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .method(method, body);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    HttpResponse<String> r = send(b.build(), BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new BenchFailure(
          method + " " + path + ": HTTP " + r.statusCode() + ": " + Json.abbreviate(r.body()));
    }
    return r.body();
  }

  public String apiGet(String path) {
    return api("GET", path, null, HttpRequest.BodyPublishers.noBody());
  }

  public String apiPost(String path, String json) {
    return api("POST", path, "application/json", HttpRequest.BodyPublishers.ofString(json));
  }

  /** What one timed request gave. */
  public record Outcome(int status, long bytes, String problem) {}

  /**
   * A GET as the load makes it: a page with the session, an API call with the token. Never throws
   * for a failed request: the problem is in the outcome.
   */
  public Outcome fetch(String path, boolean apiCall) throws InterruptedException {
    HttpRequest.Builder b = request(path).GET();
    if (apiCall) {
      b.header("Authorization", "Bearer " + token).header("Accept", "application/json");
    } else {
      b.header("Accept", "text/html");
    }
    try {
      HttpResponse<byte[]> r = http.send(b.build(), BodyHandlers.ofByteArray());
      int status = r.statusCode();
      String problem = null;
      if (status / 100 != 2) {
        problem =
            "HTTP "
                + status
                + " "
                + path
                + r.headers().firstValue("Location").map(l -> " to " + l).orElse("");
      }
      return new Outcome(status, r.body().length, problem);
    } catch (IOException e) {
      return new Outcome(0, 0, e.getClass().getSimpleName() + " " + path);
    }
  }

  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new BenchFailure("No CSRF token on the page");
    }
    return m.group(1);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
  }

  private HttpRequest form(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new BenchFailure(request.method() + " " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("Interrupted", e);
    }
  }
}
