package org.safeload.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** safeload-core is the domain and its engines: no framework, no database, no app. */
class CoreIsPlainJavaTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.safeload");

  @Test
  void coreClassesWereFound() {
    // Guards the rule below against passing on an empty import.
    org.assertj.core.api.Assertions.assertThat(CORE.size()).isGreaterThan(10);
  }

  @Test
  void coreDependsOnNoFrameworkDatabaseOrApp() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.springframework..",
                "jakarta..",
                "javax.sql..",
                "java.sql..",
                "org.hibernate..",
                "org.jooq..",
                "org.flywaydb..",
                "com.fasterxml.jackson..",
                "tools.jackson..",
                "org.safeload.app..")
            .because("the core is plain Java: the app depends on it, never the other way round");
    rule.check(CORE);
  }
}
