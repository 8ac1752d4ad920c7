package org.safeload.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core's packages form a layered graph: shared pieces (documents, calendar) at the bottom, the
 * domains above. A cycle between two packages means neither can be understood, tested or moved
 * without the other.
 */
class CoreHasNoPackageCyclesTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.safeload");

  @Test
  void corePackagesAreFreeOfCycles() {
    slices()
        .matching("org.safeload.(*)..")
        .should()
        .beFreeOfCycles()
        .because("shared pieces go in a package every domain may use, never in one domain")
        .check(CORE);
  }
}
