package org.safeload.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;

/** Bad scenario files are refused with every problem, each naming its line and field. */
class ScenarioReaderTest {

  private static List<String> problems(String text) {
    try {
      ScenarioReader.scenario(text);
    } catch (DocumentException e) {
      return e.problems().stream()
          .map(p -> p.line() + " " + p.field() + ": " + p.message())
          .toList();
    }
    throw new AssertionError("expected the scenario to be refused");
  }

  @Test
  void everyBadFieldIsNamedWithItsLine() {
    List<String> problems =
        problems(
            """
            contracts:
              - id: bad one
                provider: Example Provider Ltd
                start: 2025-01-01
                end: 2024-12-31
                ceiling: lots
                route: direct-award
                roster:
                  - {role: social-worker, count: -1, rate: {amount: 300, per: fortnight}}
                  - {role: nurse, count: 1, rate: {amount: 300, per: calendar-day}}
                changes:
                  - {from: 2025-01-01, role: team-manager, count: 1}
                extras:
                  - {name: Mileage, amount: 100}
                colour: blue
            """);
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "15 contracts[0].colour: unknown field; expected one of: id, provider, route, justification, start, end, ceiling, status, team, roster, teamUnit, changes, extras, absences, offsets, extensions, actuals, requirements, follows, teams, reductionNoticeWeeks",
            "2 contracts[0].id: must be 1 to 64 letters, digits, hyphens, underscores, full stops or colons (not \"bad one\")",
            "2 contracts[0].justification: a direct award needs its justification (why there was no competition)",
            "5 contracts[0].end: must be on or after the start, 2025-01-01",
            "6 contracts[0].ceiling: must be an amount in pounds, like 1250.50 (not lots)",
            "9 contracts[0].roster[0].count: must be at least 0 (not -1)",
            "9 contracts[0].roster[0].rate.per: must be one of: calendar-day, working-day, week, month (not fortnight)",
            "10 contracts[0].roster[1].role: must be one of: social-worker, advanced-practitioner, team-manager, business-support, provider-manager (not nurse)",
            "12 contracts[0].changes[0].role: the roster has no line for team-manager",
            "14 contracts[0].extras[0].per: is required");
  }

  private static final String NOTICE =
      """
      contracts:
        - id: C1
          provider: P
          start: 2026-01-05
          end: 2026-06-28
          %s
          roster:
            - {role: social-worker, count: 6, rate: {amount: 450, per: working-day}}
      """;

  @Test
  void aReductionsNoticeIsFourWeeksUnlessTheContractSaysAndRoundTrips() {
    Contract plain = ScenarioReader.scenario(NOTICE.formatted("")).contracts().getFirst();
    assertThat(plain.reductionNoticeWeeks()).isEqualTo(4);
    // Four weeks after Monday 2 March 2026 is Monday 30 March.
    assertThat(plain.earliestReduction(LocalDate.of(2026, 3, 2))).isEqualTo("2026-03-30");
    assertThat(ContractDocument.toMap(plain)).doesNotContainKey("reductionNoticeWeeks");

    Contract six =
        ScenarioReader.scenario(NOTICE.formatted("reductionNoticeWeeks: 6")).contracts().getFirst();
    assertThat(six.reductionNoticeWeeks()).isEqualTo(6);
    assertThat(six.earliestReduction(LocalDate.of(2026, 3, 2))).isEqualTo("2026-04-13");
    assertThat(ContractDocument.toMap(six)).containsEntry("reductionNoticeWeeks", 6);
    // Every copy keeps it.
    assertThat(six.withEnd(LocalDate.of(2026, 7, 31)).reductionNoticeWeeks()).isEqualTo(6);
    assertThat(six.withoutInvoices().reductionNoticeWeeks()).isEqualTo(6);

    assertThat(problems(NOTICE.formatted("reductionNoticeWeeks: 53")))
        .containsExactly("6 contracts[0].reductionNoticeWeeks: must be at most 52 weeks (not 53)");
    assertThat(problems(NOTICE.formatted("reductionNoticeWeeks: -1")))
        .containsExactly("6 contracts[0].reductionNoticeWeeks: must be at least 0 (not -1)");
  }

  @Test
  void anInvoiceOutsideTheContractIsRefusedByTheReaderAndByTheContractAlike() {
    String outside = "actuals:\n    - {month: 2026-07, amount: 100}";
    assertThat(problems(NOTICE.formatted(outside)))
        .containsExactly(
            "7 contracts[0].actuals[0].month: is outside the contract (2026-01 to 2026-06)");
    Contract c = ScenarioReader.scenario(NOTICE.formatted("")).contracts().getFirst();
    assertThatThrownBy(
            () ->
                c.withInvoice(
                    new Contract.Invoice(
                        java.time.YearMonth.of(2025, 12), new java.math.BigDecimal("100"), null)))
        .isInstanceOf(DocumentException.class)
        .satisfies(
            e ->
                assertThat(((DocumentException) e).problems())
                    .extracting(FieldProblem::message)
                    .containsExactly("is outside the contract (2026-01 to 2026-06)"));
    assertThat(
            c.withInvoice(
                    new Contract.Invoice(
                        java.time.YearMonth.of(2026, 6), new java.math.BigDecimal("100"), null))
                .actuals())
        .hasSize(1);
  }

  @Test
  void requiredFieldsAndShapesAreChecked() {
    assertThat(problems("contracts:\n  - provider: P\n"))
        .contains(
            "2 contracts[0].id: is required",
            "2 contracts[0].start: is required",
            "2 contracts[0].end: is required",
            "2 contracts[0].roster: a contract is priced by a roster, a teamUnit, or both");
    assertThat(problems("contracts: 3\n")).containsExactly("1 contracts: must be a list");
    assertThat(problems("{}"))
        .containsExactly("1 (document): the scenario needs contracts, an appraisal, or both");
    assertThat(problems("contracts: [\n"))
        .singleElement()
        .asString()
        .contains("is not valid YAML or JSON");
    assertThat(problems("")).containsExactly("1 (document): is empty");
  }

  @Test
  void appraisalCardsAreChecked() {
    assertThat(
            problems(
                """
                appraisal:
                  - {name: A, kind: permanent, salary: 42000, onCostRate: 1.3}
                  - {name: B, kind: managed-team, pricePerTeamWeek: 16000, teamFte: 7, caseHoldingFte: 8}
                  - {name: C, kind: locum}
                """))
        .containsExactly(
            "2 appraisal[0].onCostRate: must be from 0 to 1, like 0.3 for 30%",
            "3 appraisal[1].caseHoldingFte: cannot be more than teamFte, 7",
            "4 appraisal[2].kind: must be one of: permanent, agency, managed-team (not locum)");
  }

  private static final String TENDER =
      """
      id: TENDER-1
      provider: P
      start: 2022-11-28
      end: 2023-03-31
      roster:
        - {role: social-worker, count: 6, rate: {amount: 400, per: calendar-day}}
        - {role: team-manager, count: 1, rate: {amount: 500, per: calendar-day}}
      """;

  @Test
  void aContractsMinimumsForItsWorkersAreReadAndWrittenBack() {
    Contract c =
        ScenarioReader.contract(
            TENDER
                + "requirements:\n  - {role: social-worker, pqeYears: 4}\n"
                + "  - {role: team-manager, pqeYears: 8, managerYears: 5}\n");
    assertThat(c.requirements())
        .containsExactly(
            new Contract.Requirement(org.safeload.organisation.Role.SOCIAL_WORKER, 4, 0),
            new Contract.Requirement(org.safeload.organisation.Role.TEAM_MANAGER, 8, 5));
    // Written back as the document, they read the same.
    assertThat(ScenarioReader.contract(ContractDocument.toYaml(c)).requirements())
        .isEqualTo(c.requirements());

    List<String> bad;
    try {
      ScenarioReader.contract(
          TENDER
              + "requirements:\n  - {role: business-support, pqeYears: 4}\n"
              + "  - {role: team-manager, pqeYears: 80}\n  - {role: team-manager}\n");
      throw new AssertionError("expected a refusal");
    } catch (DocumentException e) {
      bad =
          e.problems().stream().map(p -> p.line() + " " + p.field() + ": " + p.message()).toList();
    }
    assertThat(bad)
        .containsExactly(
            "9 requirements[0].role: requirements are for qualified roles only (not"
                + " business-support)",
            "10 requirements[1].pqeYears: must be at most 60 (not 80)",
            "11 requirements[2].role: already has requirements for team-manager");
  }

  @Test
  void jsonIsReadToo() {
    Scenario s =
        ScenarioReader.scenario(
            """
            {"settings": {"asOf": "2025-02-01"},
             "contracts": [{"id": "j", "provider": "P", "start": "2025-01-01", "end": "2025-01-31",
               "roster": [{"role": "social-worker", "count": 2, "rate": {"amount": 300, "per": "calendar-day"}}]}]}
            """);
    assertThat(s.asOf()).isEqualTo(LocalDate.of(2025, 2, 1));
    assertThat(s.contracts().getFirst().roster().getFirst().count()).isEqualTo(2);
  }

  @Test
  void aContractDocumentRoundTrips() {
    Contract original =
        ScenarioReader.contract(
            """
            id: full
            provider: Example Provider Ltd
            route: direct-award
            justification: Children without a worker; no time to compete
            start: 2025-01-01
            end: 2025-03-31
            ceiling: 170000
            status: active
            team: Brightpath Project Team
            roster:
              - {role: team-manager, count: 1, rate: {amount: 400, per: calendar-day}}
              - {role: social-worker, count: 5, rate: {amount: 300.50, per: working-day}}
            teamUnit: {pricePerTeamWeek: 16000, teams: 1, composition: {social-worker: 6, team-manager: 1}}
            changes:
              - {from: 2025-03-01, role: social-worker, count: 3}
              - {from: 2025-03-15, teams: 0}
            extras:
              - {name: Backfill, from: 2025-03-01, to: 2025-03-20, amount: 10000, per: month, count: 2}
            absences:
              - {role: social-worker, from: 2025-01-10, to: 2025-01-14, count: 1, reason: vacancy}
            offsets:
              - {name: Vacant posts, amount: 20000}
            extensions:
              - {months: 3, maxValue: 90000, decideBy: 2025-02-15}
            actuals:
              - {month: 2025-01, amount: 58000.50, reference: INV-1}
            """);
    String written = new org.yaml.snakeyaml.Yaml().dump(ContractDocument.toMap(original));
    assertThat(ScenarioReader.contract(written))
        .usingRecursiveComparison()
        .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
        .isEqualTo(original);
  }

  @Test
  void problemsNameFieldsNotValues() {
    assertThatThrownBy(
            () ->
                ScenarioReader.contract(
                    "id: x\nprovider: P\nstart: 2025-01-01\nend: 2025-01-31\nroster: []\n"))
        .isInstanceOf(DocumentException.class)
        .satisfies(
            e ->
                assertThat(((DocumentException) e).problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("roster"));
  }

  @Test
  void amountsAreInPoundsAndPenceNeverAFractionOfAPenny() {
    List<String> problems =
        problems(
            """
            contracts:
              - id: pennies
                provider: P
                start: 2025-01-01
                end: 2025-03-31
                ceiling: 1000.555
                roster:
                  - {role: social-worker, count: 1, rate: {amount: 300.001, per: calendar-day}}
                teamUnit: {pricePerTeamWeek: 16000.5, teams: 1, composition: {social-worker: 6}}
                extras:
                  - {name: Mileage, amount: 10.125, per: month}
                offsets:
                  - {name: Vacant posts, amount: 0.009}
                extensions:
                  - {months: 3, maxValue: 90000.0001, decideBy: 2025-02-15}
                actuals:
                  - {month: 2025-01, amount: 58000.505}
            """);
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "6 contracts[0].ceiling: must be in pounds and pence, with no more than 2 decimal places (not 1000.555)",
            "8 contracts[0].roster[0].rate.amount: must be in pounds and pence, with no more than 2 decimal places (not 300.001)",
            "11 contracts[0].extras[0].amount: must be in pounds and pence, with no more than 2 decimal places (not 10.125)",
            "13 contracts[0].offsets[0].amount: must be in pounds and pence, with no more than 2 decimal places (not 0.009)",
            "15 contracts[0].extensions[0].maxValue: must be in pounds and pence, with no more than 2 decimal places (not 90000.0001)",
            "17 contracts[0].actuals[0].amount: must be in pounds and pence, with no more than 2 decimal places (not 58000.505)");
    // Trailing zeros are not pence: 16000.500 is £16,000.50.
    Contract ok =
        ScenarioReader.contract(
            """
            id: ok
            provider: P
            start: 2025-01-01
            end: 2025-01-31
            ceiling: 1000.500
            teamUnit: {pricePerTeamWeek: 16000.5, teams: 1, composition: {social-worker: 6}}
            """);
    assertThat(ok.ceiling()).isEqualByComparingTo("1000.50");
  }

  @Test
  void theYamlExportReadsBackToTheSameContract() {
    Contract original =
        ScenarioReader.contract(
            """
            id: export
            provider: "Example: Provider Ltd"
            route: direct-award
            justification: |-
              Children without a worker.
              No time to compete.
            start: 2025-01-01
            end: 2025-03-31
            ceiling: 170000.5
            team: "123"
            roster:
              - {role: social-worker, count: 5, rate: {amount: 300.50, per: working-day}}
            teamUnit: {pricePerTeamWeek: 16000, teams: 1, composition: {social-worker: 6, team-manager: 1}}
            extensions:
              - {months: 3, maxValue: 90000, decideBy: 2025-02-15}
            actuals:
              - {month: 2025-01, amount: 58000.50, reference: "2025"}
            """);
    String yaml = ContractDocument.toYaml(original);
    assertThat(yaml)
        .contains("start: 2025-01-01\n", "ceiling: 170000.5\n", "- month: 2025-01\n")
        .contains("      amount: 300.5\n", "  pricePerTeamWeek: 16000\n")
        .doesNotContain("!!");
    assertThat(ScenarioReader.contract(yaml))
        .usingRecursiveComparison()
        .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
        .isEqualTo(original);
  }

  @Test
  void statusesRatesAndFlagsHaveWords() {
    assertThat(ContractStatus.ACTIVE.label()).isEqualTo("Active");
    assertThat(RatePer.WORKING_DAY.label()).isEqualTo("working day");
    assertThat(RatePer.rates()).doesNotContain(RatePer.ONE_OFF);
    assertThat(new Costing.Flag("extension-decision-due", "m").label())
        .isEqualTo("Extension decision due");
  }
}
