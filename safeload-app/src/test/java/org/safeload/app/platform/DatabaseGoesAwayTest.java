package org.safeload.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.PostgresTestSchema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL goes away under the running app, and comes back. The app reaches the test PostgreSQL
 * through a {@link TcpProxy} (the shared server itself is never stopped), with a 2-second wait for
 * a connection. While the proxy is cut, every request fails cleanly within a few seconds: the API
 * answers 503 with problem details, a page is the service's own "unavailable" page (no stack
 * trace), and a change is not made. When the proxy is restored, the same requests succeed without
 * restarting the app. Both ways a database can go: connections refused, and connections that hang.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class DatabaseGoesAwayTest {

  static final String SCHEMA = PostgresTestSchema.name("safeload_outage_");
  static final TcpProxy PROXY = proxy();

  /** What a request may take while the database is away: the 2-second wait and some margin. */
  static final Duration CLEAN_FAILURE = Duration.ofSeconds(8);

  private static final String CONTRACT = "NBC-BRIGHTPATH-2026";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("value=\"(slt_[A-Za-z0-9_-]+)\"");

  static TcpProxy proxy() {
    URI db = URI.create(PostgresTestSchema.URL.substring("jdbc:".length()));
    try {
      return TcpProxy.to(db.getHost(), db.getPort() < 0 ? 5432 : db.getPort());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void postgresThroughTheProxy(DynamicPropertyRegistry registry) {
    URI db = URI.create(PostgresTestSchema.URL.substring("jdbc:".length()));
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:postgresql://127.0.0.1:"
                + PROXY.port()
                + db.getPath()
                + "?currentSchema="
                + SCHEMA);
    registry.add("spring.datasource.username", () -> PostgresTestSchema.USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.schemas", () -> SCHEMA);
    registry.add("spring.flyway.create-schemas", () -> "true");
    registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    registry.add("spring.datasource.hikari.validation-timeout", () -> "1000");
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
  }

  @AfterAll
  static void dropSchema() throws Exception {
    PROXY.restore();
    PostgresTestSchema.drop(SCHEMA);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private HttpClient browser;
  private String token;

  @BeforeEach
  void signIn() throws Exception {
    PROXY.restore();
    browser =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();
    HttpResponse<String> signedIn =
        submit("/sign-in", "/sign-in", Map.of("username", "admin", "password", PASSWORD));
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    long admin =
        jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
    String tokens = "/admin/users/" + admin + "/tokens";
    HttpResponse<String> created =
        submit(tokens, tokens, Map.of("label", "outage", "days", "30", "access", "change"));
    Matcher m = TOKEN.matcher(created.body());
    assertThat(m.find()).as("a new API token on the page").isTrue();
    token = m.group(1);
  }

  private static final String PASSWORD = "test-admin-password";

  @Test
  void refusedConnectionsFailCleanlyAndTheAppRecovers() throws Exception {
    outageAndRecovery(TcpProxy.Down.REFUSE, "2026-11");
  }

  @Test
  void hangingConnectionsFailCleanlyAndTheAppRecovers() throws Exception {
    outageAndRecovery(TcpProxy.Down.HOLD, "2026-12");
  }

  private void outageAndRecovery(TcpProxy.Down how, String month) throws Exception {
    // Up: all of it works.
    assertThat(api("GET", "/api/v1/teams", null, bearer()).statusCode()).isEqualTo(200);
    assertThat(page("/teams").statusCode()).isEqualTo(200);
    // Someone opens the sign-in page while the database is up, and signs in while it is away.
    HttpClient late =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();
    Matcher lateCsrf =
        CSRF.matcher(late.send(request("/sign-in").GET().build(), BodyHandlers.ofString()).body());
    assertThat(lateCsrf.find()).isTrue();
    String lateForm =
        "username=admin&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(lateCsrf.group(1), StandardCharsets.UTF_8);

    PROXY.cut(how);

    // All at once, as people would send them: each waits for a connection on its own.
    try (ExecutorService people = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Timed<String>> token =
          people.submit(() -> api("GET", "/api/v1/teams", null, bearer()));
      Future<Timed<String>> password =
          people.submit(() -> api("GET", "/api/v1/teams", null, basic()));
      Future<Timed<String>> change =
          people.submit(
              () ->
                  api(
                      "PUT",
                      "/api/v1/contracts/" + CONTRACT + "/invoices/" + month,
                      "{\"amount\":\"1000\",\"reference\":\"OUTAGE\"}",
                      bearer()));
      Future<Timed<String>> teams = people.submit(() -> page("/teams"));
      Future<Timed<String>> contract = people.submit(() -> page("/contracts/" + CONTRACT));
      Future<Timed<String>> signIn =
          people.submit(
              () -> {
                long t0 = System.nanoTime();
                HttpResponse<String> r =
                    late.send(
                        request("/sign-in")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(lateForm))
                            .build(),
                        BodyHandlers.ofString());
                return new Timed<>(r, Duration.ofNanos(System.nanoTime() - t0));
              });
      unavailableProblem(token.get());
      unavailableProblem(password.get());
      unavailableProblem(change.get());
      unavailablePage(teams.get());
      unavailablePage(contract.get());
      // Not "Enter a correct username and password": the password was never checked.
      unavailablePage(signIn.get());
    }
    if (how == TcpProxy.Down.HOLD) {
      assertThat(PROXY.held()).as("connection attempts left hanging").isPositive();
    }

    int connections = PROXY.forwarded();
    PROXY.restore();

    // Back: the same requests work, without a restart; the change made while away was not made.
    assertThat(api("GET", "/api/v1/teams", null, bearer()).statusCode()).isEqualTo(200);
    assertThat(api("GET", "/api/v1/teams", null, basic()).statusCode()).isEqualTo(200);
    assertThat(page("/teams").statusCode()).isEqualTo(200);
    assertThat(invoiced(month)).as("the invoice sent while the database was away").isFalse();
    Timed<String> again =
        api(
            "PUT",
            "/api/v1/contracts/" + CONTRACT + "/invoices/" + month,
            "{\"amount\":\"1000\",\"reference\":\"OUTAGE\"}",
            bearer());
    assertThat(again.statusCode()).as(again.response().body()).isEqualTo(200);
    assertThat(invoiced(month)).isTrue();
    assertThat(PROXY.forwarded()).as("new connections to the database").isGreaterThan(connections);
  }

  /** Whether the contract has an invoice for the month, read past the proxy. */
  private static boolean invoiced(String month) throws Exception {
    try (Connection c =
            DriverManager.getConnection(PostgresTestSchema.URL, PostgresTestSchema.USER, "");
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "select document from "
                        + SCHEMA
                        + ".contract where code = '"
                        + CONTRACT
                        + "'")) {
      assertThat(r.next()).isTrue();
      return r.getString(1).contains("\"month\":\"" + month + "\"");
    }
  }

  private static void unavailableProblem(Timed<String> r) {
    assertThat(r.took()).as("answered within").isLessThan(CLEAN_FAILURE);
    assertThat(r.response().statusCode()).as(r.response().body()).isEqualTo(503);
    assertThat(r.response().headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(r.response().body())
        .contains("\"status\":503", "Database unavailable", "nothing was changed")
        .doesNotContain("Exception", "SQL", "org.");
  }

  private static void unavailablePage(Timed<String> r) {
    assertThat(r.response().statusCode()).as(r.response().body()).isEqualTo(503);
    assertThat(r.response().headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/html");
    assertThat(r.response().body())
        .contains("Sorry, the service is unavailable", "Nothing was changed")
        .doesNotContain("Exception", "SQL", "org.");
    assertThat(r.took()).as("answered within").isLessThan(CLEAN_FAILURE);
  }

  /** A response and how long it took. */
  record Timed<T>(HttpResponse<T> response, Duration took) {
    int statusCode() {
      return response.statusCode();
    }
  }

  private String bearer() {
    return "Bearer " + token;
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private Timed<String> api(String method, String path, String json, String authorization)
      throws Exception {
    HttpRequest.Builder b =
        request(path)
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    // A client of its own: no session, as an API client.
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return timed(client, b.build());
  }

  private Timed<String> page(String path) throws Exception {
    return timed(browser, request(path).header("Accept", "text/html").GET().build());
  }

  private static Timed<String> timed(HttpClient client, HttpRequest request) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r = client.send(request, BodyHandlers.ofString());
    return new Timed<>(r, Duration.ofNanos(System.nanoTime() - t0));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30));
  }

  private HttpResponse<String> submit(String formPage, String action, Map<String, String> fields)
      throws Exception {
    HttpResponse<String> form =
        browser.send(request(formPage).GET().build(), BodyHandlers.ofString());
    Matcher m = CSRF.matcher(form.body());
    assertThat(m.find()).as("a CSRF token on " + formPage).isTrue();
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", m.group(1));
    String body =
        all.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return browser.send(
        request(action)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        BodyHandlers.ofString());
  }
}
