package org.safeload.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;
import org.safeload.workforce.WorkforceCensus.Figures;
import org.safeload.workforce.WorkforceCensus.Member;
import org.safeload.workforce.WorkforceCensus.Post;

/**
 * The census return (docs/workforce.md): the hand-worked register of {@link WorkforceCensusTest}
 * written and read back gives the same council figures; so do seeded random registers; the
 * Department's sample (liia-tools, MIT: LICENSE-liia-tools.txt beside it) gives figures worked out
 * by hand; bad input is refused with the line and the element.
 */
class CswwXmlTest {

  private static final LocalDate YEAR_END = LocalDate.of(2025, 9, 30);

  static String write(
      LocalDate yearEnd,
      List<Member> members,
      List<Post> posts,
      java.util.function.Function<Member, CswwXml.Activity> activity) {
    StringWriter out = new StringWriter();
    CswwXml.write(out, yearEnd, "301", members, posts, activity);
    return out.toString();
  }

  static CswwXml.Result read(String xml) {
    return CswwXml.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** Every council-level key of the workforce JSON, as the JSON writes it. */
  static List<Object> keys(Figures f) {
    return List.of(
        f.yearStart(),
        f.yearEnd(),
        two(f.inPostFte()),
        f.inPostHeadcount(),
        two(f.agencyFte()),
        f.agencyHeadcount(),
        two(f.establishmentFte()),
        two(f.vacancyFte()),
        String.valueOf(f.vacancyRate()),
        String.valueOf(f.agencyRate()),
        two(f.agencyCoverFte()),
        String.valueOf(f.agencyCoverRate()),
        two(f.startersFte()),
        two(f.leaversFte()),
        String.valueOf(f.turnoverRate()));
  }

  private static String two(BigDecimal v) {
    return v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  @Test
  void theHandWorkedRegisterComesBackToTheSameCouncilFigures() {
    String xml =
        write(
            YEAR_END,
            WorkforceCensusTest.REGISTER,
            WorkforceCensusTest.ESTABLISHMENT,
            m -> CswwXml.Activity.NONE);

    CswwXml.Result read = read(xml);

    assertThat(read.problems()).isEmpty();
    Figures before =
        WorkforceCensus.of(
                YEAR_END, WorkforceCensusTest.REGISTER, WorkforceCensusTest.ESTABLISHMENT)
            .council();
    Figures after = read.census().figures();
    assertThat(keys(after)).isEqualTo(keys(before));
    // By hand (WorkforceCensusTest): 3.50 in post (4), 3.60 agency (4), 9.00 establishment, 6.50
    // vacant, 3.00 covering, 1.00 starting, 0.80 leaving.
    assertThat(keys(after))
        .containsExactly(
            LocalDate.of(2024, 10, 1),
            YEAR_END,
            "3.50",
            4,
            "3.60",
            4,
            "9.00",
            "6.50",
            "65.0",
            "50.7",
            "3.00",
            "46.2",
            "1.00",
            "0.80",
            "22.9");
  }

  @Test
  void theReturnHoldsOneWorkerForEachCountedWorkerOfTheYearAndTheCouncilsVacancies() {
    String xml =
        write(
            YEAR_END,
            WorkforceCensusTest.REGISTER,
            WorkforceCensusTest.ESTABLISHMENT,
            m ->
                m.worker().role() == Role.TEAM_MANAGER
                    ? new CswwXml.Activity(0, new BigDecimal("2.5"))
                    : CswwXml.Activity.NONE);

    // Of 12 workers: the leaver before the year, the future starter and business support are out.
    assertThat(xml.split("<CSWWWorker>", -1)).hasSize(10);
    assertThat(xml)
        .contains(
            "<Collection>CSWW</Collection>",
            "<Year>2025</Year>",
            "<ReferenceDate>2025-09-30</ReferenceDate>",
            "<LEA>301</LEA>",
            "<?safeload-establishment 9.00?>",
            "<NumberOfVacancies>6.50</NumberOfVacancies>",
            "<NoAgencyFTE>3.00</NoAgencyFTE>",
            // Alpha's agency worker (1), Bravo's managed team (2 of 2.5 vacant); Charlie has none.
            "<NoAgencyHeadcount>3</NoAgencyHeadcount>",
            // The last-day leaver: an end date and no FTE at 30 September.
            "<FTE>0.800000</FTE>\n    <OrgRole>5</OrgRole>\n    <RoleStartDate>2020-01-01"
                + "</RoleStartDate>\n    <RoleEndDate>2025-09-30</RoleEndDate>\n  </CSWWWorker>",
            // The seconded manager: employed, first line manager, cases and days lost given.
            "<AgencyWorker>0</AgencyWorker>\n    <SWENo></SWENo>\n    <FTE>1.000000</FTE>\n"
                + "    <OrgRole>3</OrgRole>\n    <RoleStartDate>2018-01-01</RoleStartDate>\n"
                + "    <FTE30>1.000000</FTE30>\n    <Cases30>0</Cases30>\n"
                + "    <WorkingDaysLost>2.50</WorkingDaysLost>",
            "<OrgRole>4</OrgRole>");
    // The managed team's leaver after the year end is in post at it, with no end date.
    assertThat(xml).doesNotContain("2025-12-31", "PersonBirthDate", "Ethnicity");
    CswwXml.Return census = read(xml).census();
    assertThat(census.lea()).isEqualTo("301");
    assertThat(census.agencyCoverHeadcount()).isEqualTo(3);
    assertThat(census.workers()).hasSize(9);
    CswwXml.ReturnWorker manager =
        census.workers().stream()
            .filter(w -> Integer.valueOf(3).equals(w.orgRole()))
            .findFirst()
            .orElseThrow();
    assertThat(manager.casesAt30September()).isZero();
    assertThat(manager.workingDaysLost()).isEqualByComparingTo("2.5");
  }

  @Test
  void aReturnFromElsewhereGetsItsEstablishmentFromVacanciesAndEmployedInPost() {
    String xml =
        write(
                YEAR_END,
                WorkforceCensusTest.REGISTER,
                WorkforceCensusTest.ESTABLISHMENT,
                m -> CswwXml.Activity.NONE)
            .replace("<?safeload-establishment 9.00?>", "");

    Figures f = read(xml).census().figures();

    // 6.50 vacant + 3.50 employed in post: Charlie's advanced practitioner has no budgeted post,
    // so the census implies one more than the council's 9.
    assertThat(f.establishmentFte()).isEqualByComparingTo("10.00");
    assertThat(f.vacancyRate()).isEqualByComparingTo("65.0");
  }

  @RepeatedTest(30)
  void randomRegistersComeBackToTheSameCouncilFigures(RepetitionInfo info) {
    long seed = 20261128L * 31 + info.getCurrentRepetition();
    System.out.println("CswwXmlTest random register: seed " + seed);
    Random random = new Random(seed);
    LocalDate yearEnd = LocalDate.of(2020 + random.nextInt(6), 9, 30);
    List<String> teams = List.of("Alpha", "alpha", "Bravo", "Charlie", "Delta");
    Role[] roles = Role.values();
    EmploymentType[] types = EmploymentType.values();
    List<Member> members = new ArrayList<>();
    int count = random.nextInt(40);
    for (int i = 0; i < count; i++) {
      LocalDate start = yearEnd.minusDays(random.nextInt(900)).plusDays(random.nextInt(120));
      LocalDate end = random.nextInt(3) == 0 ? start.plusDays(random.nextInt(500)) : null;
      members.add(
          new Member(
              teams.get(random.nextInt(teams.size())),
              new WorkerDetails(
                  "Worker " + i,
                  roles[random.nextInt(roles.length)],
                  types[random.nextInt(types.length)],
                  BigDecimal.valueOf(1 + random.nextInt(100), 2),
                  start,
                  end,
                  null,
                  null,
                  random.nextBoolean() ? "SW" + (100000 + i) : null)));
    }
    List<Post> posts = new ArrayList<>();
    for (String team : List.of("Alpha", "Bravo", "Charlie")) {
      for (Role role : roles) {
        if (random.nextInt(3) > 0) {
          posts.add(new Post(team, role, BigDecimal.valueOf(random.nextInt(800), 2)));
        }
      }
    }
    Map<Member, CswwXml.Activity> activity = new java.util.HashMap<>();
    members.forEach(
        m ->
            activity.put(
                m,
                random.nextBoolean()
                    ? CswwXml.Activity.NONE
                    : new CswwXml.Activity(
                        random.nextInt(30), BigDecimal.valueOf(random.nextInt(5000), 2))));

    String xml = write(yearEnd, members, posts, activity::get);
    CswwXml.Result read = read(xml);

    assertThat(read.problems()).as("seed " + seed).isEmpty();
    assertThat(keys(read.census().figures()))
        .as("seed " + seed)
        .isEqualTo(keys(WorkforceCensus.of(yearEnd, members, posts).council()));
  }

  @Test
  void theDepartmentsSampleGivesTheFiguresWorkedOutByHand() throws IOException {
    CswwXml.Result read;
    try (InputStream in = CswwXmlTest.class.getResourceAsStream("csww-2022-sample.xml")) {
      read = CswwXml.read(in);
    }

    assertThat(read.problems()).isEmpty();
    CswwXml.Return census = read.census();
    assertThat(census.lea()).isEqualTo("301");
    assertThat(census.workers()).hasSize(30);
    Figures f = census.figures();
    assertThat(f.yearStart()).isEqualTo(LocalDate.of(2021, 10, 1));
    // Employed in post at 30 September 2022 (no start date or one by then; no end or a later one),
    // at FTE30 where given: 0.712824 + 0 + 0 + 0.320526 + 0.698641 + 0.821627 + 0.63075 + 0.22182.
    assertThat(f.inPostFte()).isEqualByComparingTo("3.406188");
    assertThat(f.inPostHeadcount()).isEqualTo(8);
    // Thirteen agency workers in post (six of the thirty start after the year or left before it).
    assertThat(f.agencyFte()).isEqualByComparingTo("6.811865");
    assertThat(f.agencyHeadcount()).isEqualTo(13);
    assertThat(f.vacancyFte()).isEqualByComparingTo("79.68");
    assertThat(f.agencyCoverFte()).isEqualByComparingTo("59.82");
    assertThat(census.agencyCoverHeadcount()).isEqualTo(71);
    // No establishment in the file: 79.68 + 3.406188.
    assertThat(f.establishmentFte()).isEqualByComparingTo("83.086188");
    // 79.68 / 83.086188; 6.811865 / 10.218053; 59.82 / 79.68.
    assertThat(f.vacancyRate()).isEqualByComparingTo("95.9");
    assertThat(f.agencyRate()).isEqualByComparingTo("66.7");
    assertThat(f.agencyCoverRate()).isEqualByComparingTo("75.1");
    // Every start and end date in the sample is before the year or after it.
    assertThat(f.startersFte()).isZero();
    assertThat(f.leaversFte()).isZero();
    assertThat(f.turnoverRate()).isEqualByComparingTo("0.0");
  }

  private static List<FieldProblem> problems(String xml) {
    CswwXml.Result r = read(xml);
    assertThat(r.census()).isNull();
    return r.problems();
  }

  private static final String HEAD =
      """
      <Message>
        <Header>
          <CollectionDetails><ReferenceDate>2025-09-30</ReferenceDate></CollectionDetails>
          <Source><LEA>301</LEA></Source>
        </Header>
        <LALevelVacancies>
          <NumberOfVacancies>2.00</NumberOfVacancies>
          <NoAgencyFTE>1.00</NoAgencyFTE>
          <NoAgencyHeadcount>1</NoAgencyHeadcount>
        </LALevelVacancies>
      """;

  @Test
  void badNumbersAndMissingElementsAreRefusedWithTheirLineAndElement() {
    List<FieldProblem> problems =
        problems(
            HEAD
                + """
                  <CSWWWorker>
                    <AgencyWorker>2</AgencyWorker>
                    <SWENo>SW1</SWENo>
                    <FTE>1.5</FTE>
                  </CSWWWorker>
                  <CSWWWorker>
                    <SWENo>SW2</SWENo>
                    <FTE>0.5</FTE>
                    <FTE>0.5</FTE>
                    <Cases30>-1</Cases30>
                    <RoleStartDate>2025-02-30</RoleStartDate>
                  </CSWWWorker>
                </Message>
                """);

    assertThat(problems)
        .containsExactly(
            new FieldProblem(12, "AgencyWorker", "Must be 0 or 1 (not 2)"),
            new FieldProblem(14, "FTE", "Must be at least 0 and at most 1 (not 1.5)"),
            new FieldProblem(19, "FTE", "Appears more than once in the CSWWWorker of line 16"),
            new FieldProblem(20, "Cases30", "Must be a whole number of at least 0 (not -1)"),
            new FieldProblem(
                21, "RoleStartDate", "Must be a date like 2025-09-30 (not 2025-02-30)"),
            new FieldProblem(16, "AgencyWorker", "The CSWWWorker must give AgencyWorker"));
  }

  @Test
  void aReturnWithoutItsReferenceDateLeaOrVacanciesIsRefused() {
    assertThat(problems("<Message><CSWWWorker/></Message>"))
        .extracting(FieldProblem::field)
        .containsExactly(
            "AgencyWorker", "SWENo", "FTE", "ReferenceDate", "LEA", "LALevelVacancies");
    assertThat(
            problems(
                HEAD.replace("<NoAgencyFTE>1.00</NoAgencyFTE>", "<NoAgencyFTE>2.5</NoAgencyFTE>")
                    + "</Message>"))
        .containsExactly(
            new FieldProblem(
                6,
                "NoAgencyFTE",
                "Agency workers covering vacancies (2.5) cannot be more than the vacancies (2.00)"));
    assertThat(
            problems(HEAD.replace("<NoAgencyHeadcount>1</NoAgencyHeadcount>", "") + "</Message>"))
        .containsExactly(
            new FieldProblem(
                10, "NoAgencyHeadcount", "LALevelVacancies must give NoAgencyHeadcount"));
    assertThat(problems("<Other/>"))
        .first()
        .isEqualTo(
            new FieldProblem(1, "Other", "The root element must be Message, as in a CSWW return"));
  }

  @Test
  void malformedXmlNamesItsLine() {
    List<FieldProblem> problems = problems(HEAD + "  <CSWWWorker>\n    <FTE>1</FT>\n");

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).line()).isEqualTo(12);
    assertThat(problems.get(0).message()).startsWith("Not well-formed XML: ");
    assertThat(problems("")).hasSize(1);
    byte[] latin1 = (HEAD + "<!-- caf\u00e9 -->\n</Message>").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(CswwXml.read(new ByteArrayInputStream(latin1)).problems())
        .containsExactly(new FieldProblem(11, "", "Not UTF-8 text: the file must be UTF-8"));
  }

  @Test
  void aDoctypeAndExternalEntitiesAreRefusedAndNeverRead() throws IOException {
    java.nio.file.Path secret = java.nio.file.Files.createTempFile("csww", ".txt");
    java.nio.file.Files.writeString(secret, "TOP-SECRET");
    try {
      String xml =
          "<?xml version=\"1.0\"?>\n<!DOCTYPE Message [<!ENTITY x SYSTEM \""
              + secret.toUri()
              + "\">]>\n"
              + HEAD.replace("<LEA>301</LEA>", "<LEA>&x;</LEA>")
              + "</Message>";

      List<FieldProblem> problems = problems(xml);

      assertThat(problems).hasSize(1);
      assertThat(problems.get(0).toString()).doesNotContain("TOP-SECRET");
      assertThat(problems.get(0).line()).isEqualTo(2);
      assertThat(problems.get(0).message()).contains("DOCTYPE");
    } finally {
      java.nio.file.Files.delete(secret);
    }
  }
}
