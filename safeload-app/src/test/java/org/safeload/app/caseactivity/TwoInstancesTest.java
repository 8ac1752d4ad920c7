package org.safeload.app.caseactivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeload.app.PostgresTestSchema;
import org.safeload.app.SafeloadApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two app instances on one PostgreSQL database, as behind a load balancer: an import made through
 * one is seen through the other within two seconds, and a user signed in on one is signed in on the
 * other (sessions live in the database).
 */
class TwoInstancesTest {

  private static final String PASSWORD = "two-instances-password";
  private static final String SCHEMA = PostgresTestSchema.name("two_");
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;

  @BeforeAll
  static void start() {
    first = instance(true);
    second = instance(false);
  }

  @AfterAll
  static void stop() throws Exception {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
    PostgresTestSchema.drop(SCHEMA);
  }

  private static ConfigurableApplicationContext instance(boolean demo) {
    // Command-line arguments: they outrank application.yml (default properties would not).
    return new SpringApplicationBuilder(SafeloadApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + PostgresTestSchema.URL + "?currentSchema=" + SCHEMA,
            "--spring.datasource.username=" + PostgresTestSchema.USER,
            "--spring.datasource.password=",
            "--spring.flyway.schemas=" + SCHEMA,
            "--spring.flyway.create-schemas=true",
            "--safeload.demo.enabled=" + demo,
            "--safeload.admin.password=" + PASSWORD,
            "--safeload.clock.fixed=2026-11-24T12:00:00Z",
            "--logging.level.root=warn");
  }

  private static String base(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return "http://127.0.0.1:" + port;
  }

  private static final HttpClient API = HttpClient.newHttpClient();

  private static HttpResponse<String> api(ConfigurableApplicationContext at, HttpRequest.Builder r)
      throws Exception {
    String basic =
        Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return API.send(
        r.header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** How many of this test's cases wait in the unallocated queue (read from the in-memory log). */
  private static long waiting(ConfigurableApplicationContext at) throws Exception {
    return waiting(at, "TWO");
  }

  private static long waiting(ConfigurableApplicationContext at, String prefix) throws Exception {
    HttpResponse<String> r =
        api(at, HttpRequest.newBuilder(URI.create(base(at) + "/api/v1/caseloads/unallocated")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Pattern.compile("\"caseRef\"\\s*:\\s*\"" + prefix + "\\d\"")
        .matcher(r.body())
        .results()
        .count();
  }

  private static HttpResponse<String> post(
      ConfigurableApplicationContext at, String path, String csv) throws Exception {
    return api(
        at,
        HttpRequest.newBuilder(URI.create(base(at) + path))
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv)));
  }

  @Test
  void anEventWithdrawnThroughOneInstanceIsGoneFromTheOtherWithinTwoSeconds() throws Exception {
    HttpResponse<String> imported =
        post(
            first,
            "/api/v1/case-events/import",
            "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n"
                + "cor-1,2026-11-20T10:00,referral,COR1,KCOR1,,,,,\n"
                + "cor-2,2026-11-20T11:00,referral,COR2,KCOR2,,,,,\n");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (waiting(second, "COR") != 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(waiting(second, "COR")).isEqualTo(2);

    // The stored rows change in place: the other instance must read its log again, not only
    // what was added.
    HttpResponse<String> withdrawn =
        post(
            first,
            "/api/v1/case-events/corrections",
            "event_id,action,reason,occurred_at,type,case_id,child_id,worker_id,team_id,detail,"
                + "ref,due_date\n"
                + "cor-2,withdraw,Referred twice,,,,,,,,,\n");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(waiting(first, "COR")).as("the instance that withdrew it").isEqualTo(1);
    deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    long seen = waiting(second, "COR");
    while (seen != 1 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      seen = waiting(second, "COR");
    }
    assertThat(seen).as("the other instance, within two seconds").isEqualTo(1);
  }

  @Test
  void anImportThroughOneInstanceIsSeenThroughTheOtherWithinTwoSeconds() throws Exception {
    assertThat(waiting(first)).isZero();
    assertThat(waiting(second)).isZero();

    String csv =
        "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n"
            + "two-1,2026-11-20T10:00,referral,TWO1,KTWO1,,,,,\n"
            + "two-2,2026-11-20T11:00,referral,TWO2,KTWO2,,,,,\n";
    HttpResponse<String> imported =
        api(
            first,
            HttpRequest.newBuilder(URI.create(base(first) + "/api/v1/case-events/import"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    long importedAt = System.nanoTime();
    assertThat(waiting(first)).as("the instance that imported").isEqualTo(2);

    long deadline = importedAt + Duration.ofSeconds(2).toNanos();
    long seen = waiting(second);
    while (seen != 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      seen = waiting(second);
    }
    assertThat(seen).as("the other instance, within two seconds").isEqualTo(2);
  }

  @Test
  void aUserSignedInOnOneInstanceIsSignedInOnTheOther() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<String> form =
        browser.send(
            HttpRequest.newBuilder(URI.create(base(first) + "/sign-in")).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form.body());
    assertThat(csrf.find()).as(form.body()).isTrue();
    HttpResponse<String> signedIn =
        browser.send(
            HttpRequest.newBuilder(URI.create(base(first) + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=admin&password="
                            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                            + "&_csrf="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

    // The same cookie, sent to the other instance (cookies are per host, and both are 127.0.0.1).
    HttpResponse<String> home =
        browser.send(
            HttpRequest.newBuilder(URI.create(base(second) + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(home.statusCode()).as(home.headers().toString()).isEqualTo(200);
    assertThat(home.body()).contains("Sign out");
  }
}
