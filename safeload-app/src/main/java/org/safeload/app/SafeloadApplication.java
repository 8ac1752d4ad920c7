package org.safeload.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring Boot application: web UI, REST API, persistence and security. */
@SpringBootApplication
public class SafeloadApplication {

  public static ConfigurableApplicationContext start(String... args) {
    return SpringApplication.run(SafeloadApplication.class, args);
  }
}
