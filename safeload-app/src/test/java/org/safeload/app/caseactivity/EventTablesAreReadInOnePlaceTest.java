package org.safeload.app.caseactivity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.safeload.app.caseactivity.persistence.CaseEventRepository;

/**
 * No service reads the whole event table per request: only the case-activity module touches the
 * event tables, and only its in-memory log streams them (once at start, then what is new).
 */
class EventTablesAreReadInOnePlaceTest {

  private final JavaClasses app =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.safeload.app");

  @Test
  void onlyTheCaseActivityModuleUsesTheEventRepository() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.safeload.app.caseactivity..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(CaseEventRepository.class)
        .check(app);
  }

  @Test
  void onlyTheLiveLogStreamsTheEventTable() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(LiveLog.class.getName())
        .and()
        .doNotHaveFullyQualifiedName(CaseEventRepository.class.getName())
        .should()
        .callMethod(
            CaseEventRepository.class,
            "appendAfter",
            long.class,
            org.safeload.timeliness.EventLog.class,
            CaseEventRepository.Refs.class)
        .check(app);
  }
}
