package org.safeload.document;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.safeload.money.ContractStatus;
import org.safeload.money.DecisionKind;
import org.safeload.money.DecisionRoute;
import org.safeload.money.KeyDecisionTest;
import org.safeload.money.OptionState;
import org.safeload.money.ProcurementRoute;
import org.safeload.money.RatePer;
import org.safeload.money.ReportType;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.TeamKind;
import org.safeload.organisation.WorkerStatus;
import org.safeload.timeliness.CaseType;
import org.safeload.timeliness.EventType;

class CodesTest {

  /** Every coded enum in the core: {@link #everyCodedEnumIsListed} fails when one is missing. */
  private static final List<CodedEnum<?>> CODED =
      List.of(
          new CodedEnum<>(CaseType.class),
          new CodedEnum<>(EventType.class),
          new CodedEnum<>(Role.class),
          new CodedEnum<>(EmploymentType.class),
          new CodedEnum<>(TeamKind.class),
          new CodedEnum<>(WorkerStatus.class),
          new CodedEnum<>(ContractStatus.class),
          new CodedEnum<>(ProcurementRoute.class),
          new CodedEnum<>(DecisionKind.class),
          new CodedEnum<>(DecisionRoute.class),
          new CodedEnum<>(KeyDecisionTest.class),
          new CodedEnum<>(OptionState.class),
          new CodedEnum<>(ReportType.class),
          new CodedEnum<>(RatePer.class),
          new CodedEnum<>(org.safeload.workforce.Vetting.DbsOutcome.class),
          new CodedEnum<>(org.safeload.workforce.Vetting.RegistrationStatus.class),
          new CodedEnum<>(org.safeload.timeliness.EventCorrections.Action.class),
          new CodedEnum<>(org.safeload.workforce.RecruitmentRoute.class),
          new CodedEnum<>(org.safeload.workforce.CandidateStage.class),
          new CodedEnum<>(org.safeload.workforce.SicknessReason.class));

  @TestFactory
  Stream<DynamicTest> everyConstantIsFoundByItsCode() {
    return each(CodedEnum::roundTrips);
  }

  @TestFactory
  Stream<DynamicTest> unknownAndNullCodesFindNothing() {
    return each(CodedEnum::findsNothingElse);
  }

  @TestFactory
  Stream<DynamicTest> codesAreListedInDeclarationOrder() {
    return each(CodedEnum::listsInDeclarationOrder);
  }

  @TestFactory
  Stream<DynamicTest> codesAreUniqueAndEveryConstantHasALabel() {
    return each(CodedEnum::uniqueAndLabelled);
  }

  @TestFactory
  Stream<DynamicTest> theEnumsOwnFromCodeAndCodesAnswerTheSame() {
    return each(CodedEnum::ownMethodsAgree);
  }

  @Test
  void theListsInMessagesAreUnchanged() {
    assertThat(Codes.codes(CaseType.class)).isEqualTo("assessment, cin, cp, plo, court, cla");
    assertThat(Codes.codes(Role.class))
        .isEqualTo(
            "social-worker, advanced-practitioner, team-manager, business-support,"
                + " provider-manager");
    assertThat(Codes.codes(RatePer.class))
        .isEqualTo("calendar-day, working-day, week, month, one-off");
    assertThat(Codes.fromCode(CaseType.class, "cp")).contains(CaseType.CP);
    assertThat(Codes.fromCode(CaseType.class, "CP")).isEmpty();
  }

  @Test
  void everyCodedEnumIsListed() {
    JavaClasses core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.safeload");
    List<String> listed = CODED.stream().map(c -> c.type().getName()).toList();
    List<String> coded =
        core.stream()
            .filter(c -> c.isEnum() && c.isAssignableTo(Coded.class))
            .map(JavaClass::getName)
            .toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(coded);
    List<String> withFromCode =
        core.stream()
            .filter(c -> c.isEnum() && c.tryGetMethod("fromCode", String.class).isPresent())
            .map(JavaClass::getName)
            .toList();
    assertThat(coded).as("enums with fromCode(String) implement Coded").containsAll(withFromCode);
  }

  private static Stream<DynamicTest> each(Function<CodedEnum<?>, Executable> check) {
    return CODED.stream().map(c -> dynamicTest(c.type().getSimpleName(), check.apply(c)));
  }

  private record CodedEnum<E extends Enum<E> & Coded>(Class<E> type) {

    List<E> constants() {
      return List.of(type.getEnumConstants());
    }

    Executable roundTrips() {
      return () -> {
        for (E constant : constants()) {
          assertThat(Codes.fromCode(type, constant.code())).contains(constant);
        }
      };
    }

    Executable findsNothingElse() {
      return () -> {
        assertThat(Codes.fromCode(type, null)).isEmpty();
        assertThat(Codes.fromCode(type, "")).isEmpty();
        assertThat(Codes.fromCode(type, "no-such-code")).isEmpty();
        for (E constant : constants()) {
          assertThat(Codes.fromCode(type, " " + constant.code())).isEmpty();
          assertThat(Codes.fromCode(type, constant.code().toUpperCase(Locale.ROOT))).isEmpty();
          if (!constant.name().equals(constant.code())) {
            assertThat(Codes.fromCode(type, constant.name())).isEmpty();
          }
        }
      };
    }

    Executable listsInDeclarationOrder() {
      return () ->
          assertThat(Codes.codes(type))
              .isEqualTo(constants().stream().map(Coded::code).collect(joining(", ")));
    }

    Executable uniqueAndLabelled() {
      return () -> {
        assertThat(new HashSet<>(constants().stream().map(Coded::code).toList()))
            .hasSize(constants().size());
        for (E constant : constants()) {
          assertThat(constant.code()).matches("[a-z][a-z0-9-]*");
          assertThat(constant.label()).isNotBlank();
        }
      };
    }

    Executable ownMethodsAgree() {
      return () -> {
        Method fromCode = type.getMethod("fromCode", String.class);
        for (E constant : constants()) {
          assertThat(fromCode.invoke(null, constant.code())).isEqualTo(Optional.of(constant));
        }
        assertThat(fromCode.invoke(null, (Object) null)).isEqualTo(Optional.empty());
        assertThat(fromCode.invoke(null, "no-such-code")).isEqualTo(Optional.empty());
        if (Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals("codes"))) {
          assertThat(type.getMethod("codes").invoke(null)).isEqualTo(Codes.codes(type));
        }
      };
    }
  }
}
