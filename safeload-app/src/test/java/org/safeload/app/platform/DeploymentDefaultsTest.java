package org.safeload.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the shipped configuration does when deployed: the session cookie is Secure behind a TLS
 * proxy, and the embedded database writes no trace file (which would keep fragments of rejected
 * values). The same context as the browser journeys (a real server on a random port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeploymentDefaultsTest {

  @LocalServerPort int port;

  private List<String> sessionCookies(String forwardedProto) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-in")).GET();
    if (forwardedProto != null) {
      request.header("X-Forwarded-Proto", forwardedProto);
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("SESSION="))
        .toList();
  }

  @Test
  void theSessionCookieIsSecureBehindATlsProxy() throws Exception {
    assertThat(sessionCookies("https"))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c).contains("; Secure").contains("HttpOnly"));
    assertThat(sessionCookies(null))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
  }

  @Test
  void theEmbeddedDatabaseWritesNoTraceFile(@TempDir Path dir) throws Exception {
    List<PropertySource<?>> config =
        new YamlPropertySourceLoader()
            .load("application", new ClassPathResource("application.yml"));
    String url =
        String.valueOf(config.getFirst().getProperty("spring.datasource.url"))
            .replace("./data/", dir.toString() + "/");
    assertThat(url).startsWith("jdbc:h2:file:" + dir);
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      assertThatThrownBy(
              () ->
                  connection
                      .createStatement()
                      .execute("select * from no_such_table where name = 'K-NOT-TO-BE-KEPT'"))
          .isInstanceOf(SQLException.class);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .isNotEmpty()
          .noneMatch(name -> name.endsWith(".trace.db"));
    }
  }
}
