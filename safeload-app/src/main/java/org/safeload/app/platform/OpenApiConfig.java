package org.safeload.app.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, and HTTP Basic as the API's sign-in. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  @Bean
  OpenAPI safeloadOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Safeload API")
                .version("v1")
                .description(
                    "Services, teams, workers and establishment. Sign in with HTTP Basic using a"
                        + " local account. Errors are RFC 9457 problem details naming the field"
                        + " (and, for imports, the line) that failed."))
        .schemaRequirement(
            "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
