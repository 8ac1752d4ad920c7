package org.safeload.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A realistic Ofsted Annex A workbook of a large council, seeded: Lists 1 to 11 as sheets named
 * "List 1" to "List 11" with the headers of the public sample (liia-tools), written with POI's
 * streaming {@link SXSSFWorkbook} and a shared strings table as Excel writes it.
 *
 * <p>Six months to the extract date (1 October 2025 to 31 March 2026). At 12,000 children: about
 * 6,000 referrals (List 3), 5,500 assessments (List 4), 1,800 section 47 enquiries (List 5), 4,000
 * children in need (List 6), 600 protection plans (List 7) and 900 children in care (List 8), with
 * contacts (List 1), early help (List 2), care leavers (List 9) and adoption (Lists 10, 11). Values
 * as councils' systems write them: coded values ({@code a) WBRI}, with or without the letter),
 * Excel serial dates (a few as {@code dd/mm/yyyy} text), numeric child ids, worker names with
 * non-breaking spaces, blank and {@code #N/A} workers, the header typo {@code (Y/N))}, and a few
 * formulas with their cached values.
 *
 * <p>Each child's story is made so that the mapping of docs/annex-a.md gives a known number of
 * cases: one per referral (every later record of the child starts on or after it, and before the
 * child's next referral), and one for each child open from before the six months with no referral
 * in them (no assessment either), whose records share one episode. {@link Counts#cases()} is that
 * number, counted as the stories are made, not by reading the workbook.
 */
public final class AnnexAWorkbook {

  /** The extract date: the last day of the six months. */
  public static final LocalDate EXTRACT = LocalDate.of(2026, 3, 31);

  /** The first day of the six months. */
  public static final LocalDate FROM = LocalDate.of(2025, 10, 1);

  /** Where open cases from before the six months may start. */
  private static final LocalDate EARLIEST = LocalDate.of(2025, 1, 2);

  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
  private static final DateTimeFormatter TEXT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /**
   * What was written: the children (distinct child ids in Lists 1 to 10), the data rows of each
   * list (by sheet name), and the cases the mapping should find (one per referral, one per child
   * open from before the six months, and one per row that starts after its case closed: {@code
   * afterClosure}).
   */
  public record Counts(
      int children, Map<String, Integer> rows, int cases, int referrals, int afterClosure) {

    /** The data rows of Lists 3 to 8, which the reader maps. */
    public int mappedRows() {
      int n = 0;
      for (int list = 3; list <= 8; list++) {
        n += rows.getOrDefault("List " + list, 0);
      }
      return n;
    }

    public int allRows() {
      return rows.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** A cell written as a formula, with its cached value (a number or a date). */
  private record Formula(IntFunction<String> text, Object cached) {}

  /** A date written as {@code dd/mm/yyyy} text rather than a serial number. */
  private record TextDate(LocalDate date) {}

  /** An {@code #N/A} error cell, as a failed lookup in the council's spreadsheet leaves. */
  private static final Object NA = new Object();

  /** A data row, with what the list is sorted by. */
  private record Line(LocalDate key, long child, Object[] cells) {}

  private static final String[][] HEADERS = {
    {
      "Child Unique ID",
      "Gender",
      "Ethnicity",
      "Date of Birth",
      "Age",
      "Date of Contact",
      "Contact Source"
    },
    {
      "Child Unique ID",
      "Gender",
      "Ethnicity",
      "Date of Birth",
      "Age",
      "Assessment start date",
      "Assessment completion date",
      "Organisation completing assessment"
    },
    {
      "Child Unique ID",
      "Gender",
      "Ethnicity",
      "Date of Birth",
      "Age",
      "Date of Referral",
      "Referral Source",
      "Referral NFA?",
      "Number of Referrals in Last 12 Months",
      "Allocated Team",
      "Allocated Worker"
    },
    {
      "Child Unique ID",
      "Gender",
      "Ethnicity",
      "Date of Birth",
      "Age",
      "Does the Child have a Disability",
      "Continuous Assessment Start Date",
      "Child Seen During Continuous Assessment",
      "Continuous Assessment Date of Authorisation",
      "Was the child assessed as requiring LA children's social care support?",
      "Allocated Team",
      "Allocated Worker"
    },
    {
      "Child Unique ID",
      "Gender",
      "Ethnicity",
      "Date of Birth",
      "Age",
      "Does the Child have a Disability",
      "Strategy discussion initiating Section 47 Enquiry Start Date",
      "Was an Initial Child Protection Conference deemed unnecessary?",
      "Date of Initial Child Protection Conference",
      "Did the Initial Child Protection Conference Result in a Child Protection Plan",
      "Number of Section 47 Enquiries in the last 12 months",
      "Number of ICPCs in the last 12 months",
      "Allocated Team",
      "Allocated Worker"
    },
    {
      "Child Unique ID",
      "Gender",
      "Ethnicity",
      "Date of Birth",
      "Age",
      "Does the Child have a Disability",
      "CIN Start Date",
      "Primary Need Code",
      "Date Child Was Last Seen",
      "CIN Closure Date",
      "Reason for Closure",
      "Case Status",
      "Allocated Team",
      "Allocated Worker"
    },
    {
      "Child Unique ID",
      "Gender",
      "Ethnicity",
      "Date of Birth",
      "Age",
      "Does the Child have a Disability",
      "Child Protection Plan Start Date",
      "Initial Category of Abuse",
      "Latest Category of Abuse",
      "Date of the Last Statutory Visit",
      "Was the Child Seen Alone?",
      "Date of latest review conference",
      "Child Protection Plan End Date",
      "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months"
          + " (Y/N)",
      "Number of Previous Child Protection Plans",
      "Allocated Team",
      "Allocated Worker"
    },
    {
      "Child Unique ID",
      "Gender",
      "Ethnicity",
      "Date of Birth",
      "Age",
      "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))",
      "Does the Child have a Disability",
      "Date Started to be Looked After",
      "Child's Category of Need",
      "Is this a second or subsequent period of being a Looked After Child within the last 12"
          + " months (Y/N)",
      "Start date of current legal status",
      "Child's Legal Status",
      "Date of Latest Statutory Review",
      "Date of Last Social Work Visit",
      "What is the permanence plan for this child?",
      "Date of Last IRO Visit / Contact to the Child",
      "Date of Last Health Assessment",
      "Date of Last Dental Check",
      "Number of Placements in the Last 12 months",
      "Date Ceased to be Looked After",
      "Reason Ceased to be Looked After",
      "Start Date of Most Recent Placement",
      "Placement Type",
      "Placement Provider",
      "Placement postcode",
      "URN of Placement",
      "Placement Location",
      "LA of Placement",
      "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the last 12"
          + " months",
      "Number of Episodes the Child has been \u2018Absent\u2019 from their Placement in the last 12"
          + " months",
      "Was the child offered a Return Interview after their last missing episode (Y/N)?",
      "Did the child accept a Return Interview after their last missing episode (Y/N)?",
      "Allocated Team",
      "Allocated Worker"
    },
    {
      "Child Unique ID",
      "Gender",
      "Ethnicity",
      "Date of Birth",
      "Age",
      "Does the Child have a Disability",
      "Allocated Team",
      "Allocated Worker",
      "Eligibility Category",
      "LA in Touch",
      "Type of Accommodation",
      "Suitability of Accommodation",
      "Activity Status"
    },
    {
      "Child Unique ID",
      "Family identifier",
      "Gender",
      "Ethnicity",
      "Date of Birth",
      "Age of Child (Years)",
      "Does the Child have a Disability",
      "Date the Child Entered Care",
      "Date of Decision that Child Should be Placed for Adoption",
      "Date of Placement Order",
      "Date of Matching Child and Prospective Adopters",
      "Date Placed for Adoption",
      "Date of Adoption Order ",
      "Date of Decision that Child Should No Longer be Placed for Adoption",
      "Reason Why Child No Longer Placed for Adoption",
      "Date the child was placed for fostering in FFA or concurrent planning placement"
    },
    {
      "Individual adopter identifier",
      "Family identifier",
      "Gender",
      "Ethnicity",
      "Disability",
      "Is the (prospective) adopter fostering for adoption?",
      "Date enquiry received",
      "Date Stage 1 started",
      "Date Stage 1 ended",
      "Date Stage 2 started",
      "Date Stage 2 ended",
      "Date application submitted",
      "Date application approved",
      "Date adopter matched with child(ren)",
      "Date child/children placed with adopter(s)",
      "No. of children placed",
      "Date of Adoption Order",
      "Date of leaving adoption process",
      "Reason for leaving adoption process"
    }
  };

  private static final String[] ETHNICITY = {
    "a) WBRI", "b) WIRI", "c) WIRT", "d) WOTH", "e) WROM", "f) MWBC", "g) MWBA", "h) MWAS",
    "i) MOTH", "j) AIND", "k) APKN", "l) ABAN", "m) AOTH", "n) BCRB", "o) BAFR", "p) BOTH",
    "q) CHNE", "r) OOTH", "s) NOBT", "t) REFU"
  };
  private static final String[] CONTACT_SOURCE = {
    "a) 1A: Individual",
    "b) 1B: Individual",
    "c) 1C: Individual",
    "e) 2A: Schools",
    "f) 2B: Education services",
    "g) 3A: Health services",
    "j) 3D: Health services",
    "m) 4: Housing",
    "n) 5A: LA services",
    "q) 6: Police",
    "r) 7: Other legal agency",
    "s) 8: Other",
    "t) 9: Anonymous"
  };
  private static final String[] NEED = {
    "N1 - Abuse or Neglect",
    "N2 - Child's disability",
    "N3 - Parental illness/disability",
    "N4 - Family in acute stress",
    "N5 - Family dysfunction",
    "N6 - Socially unacceptable behaviour",
    "N8 - Absent parenting"
  };
  private static final String[] ABUSE = {
    "Neglect", "Emotional abuse", "Physical abuse", "Sexual abuse", "Multiple"
  };
  private static final String[] FIRST = {
    "Dustin",
    "Mathilde",
    "Lexie",
    "Hallie",
    "Delta",
    "Reagan",
    "Franciszek",
    "Ezra",
    "Petra",
    "Eugene",
    "Wyatt",
    "Jae",
    "Emir",
    "Stefan",
    "Aayan",
    "Cassius",
    "Fatimah",
    "Isis",
    "Janee",
    "Marty",
    "Oswaldo",
    "Rose",
    "Stevie",
    "Verdell",
    "Brandon-Lee",
    "Amara",
    "Bethan",
    "Callum",
    "Deborah",
    "Eleni",
    "Farhan",
    "Grace",
    "Harpreet",
    "Imogen",
    "Jonah",
    "Kwame",
    "Lowri",
    "Mehmet",
    "Niamh",
    "Olu",
    "Priya",
    "Rhys",
    "Saoirse",
    "Tomasz",
    "Ursula",
    "Victor",
    "Wanjiru",
    "Yusuf",
    "Zofia"
  };
  private static final String[] LAST = {
    "Hazlett",
    "Cutsforth",
    "Defore",
    "Erwin",
    "Arthur",
    "Mor",
    "Hampton",
    "Leigh",
    "Wills",
    "Swift",
    "Hammond",
    "Vang",
    "Dyer",
    "Rees",
    "Wormald",
    "Mccarthy",
    "Davison",
    "Chandler",
    "Garwood",
    "Gonsalves",
    "Gowin",
    "Cunningham",
    "Greenwood",
    "Arp",
    "O'Neill",
    "Okafor",
    "Patel",
    "Nowak",
    "Jones",
    "Evans",
    "Begum",
    "Kowalski",
    "Mensah",
    "Ahmed",
    "Hughes",
    "Byrne",
    "Achterberg",
    "Price",
    "Quinn",
    "Shah",
    "Thomas",
    "Usman",
    "Walsh",
    "Young",
    "Zielinski"
  };

  private final SplittableRandom random;
  private final int children;
  private final List<List<Line>> lists = new ArrayList<>();
  private final Set<Long> ids = new HashSet<>();
  private final List<String> teams = new ArrayList<>();
  private final Map<String, List<String>> workersOf = new LinkedHashMap<>();
  private final Set<String> nbspWorkers = new HashSet<>();
  private final Set<String> allWorkers = new HashSet<>();
  private int cases;
  private int afterClosure;

  /**
   * The current episode's rows of Lists 3 to 8 as {start, a referral?, the day it closes the case
   * or null}: a row that starts after the episode closed is a case of its own (docs/annex-a.md),
   * counted when the episode ends.
   */
  private final List<Object[]> episodeRows = new ArrayList<>();

  /** The last row written closes the case on a day (a CIN closure, care ceased, an NFA). */
  private void closes(LocalDate day) {
    if (day != null) {
      episodeRows.getLast()[2] = day;
    }
  }

  /** Counts the cases the current episode's rows make once split at closures, and starts anew. */
  private void endEpisode() {
    episodeRows.sort(java.util.Comparator.comparing(r -> (LocalDate) r[0]));
    LocalDate closed = null;
    for (Object[] r : episodeRows) {
      LocalDate start = (LocalDate) r[0];
      if (!(Boolean) r[1] && closed != null && !start.isBefore(closed)) {
        cases++;
        afterClosure++;
        closed = null;
      }
      LocalDate ends = (LocalDate) r[2];
      if (ends != null && (closed == null || ends.isAfter(closed))) {
        closed = ends;
      }
    }
    episodeRows.clear();
  }

  private int referrals;

  /** A child as every list writes it. */
  private record Child(long id, String gender, String ethnicity, LocalDate born, int locality) {}

  private AnnexAWorkbook(int children, long seed) {
    this.children = children;
    this.random = new SplittableRandom(seed);
    for (int i = 0; i < 11; i++) {
      lists.add(new ArrayList<>());
    }
    team("Multi Agency Safeguarding Hub", 12);
    for (int l = 1; l <= 6; l++) {
      team("Locality " + l + " Duty Team", 8);
      for (int u = 1; u <= 4; u++) {
        team("Locality " + l + " Unit " + u, 6);
      }
    }
    for (int t = 1; t <= 5; t++) {
      team("Children in Care Team " + t, 8);
    }
    team("Children with Disabilities Team", 10);
    team("Care Leavers Team", 12);
  }

  private void team(String name, int workers) {
    teams.add(name);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      String n;
      do {
        n = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
      } while (!allWorkers.add(n));
      names.add(n);
      if (random.nextDouble() < 0.3) {
        nbspWorkers.add(n); // this system writes the name with a non-breaking space
      }
    }
    workersOf.put(name, names);
  }

  /** Writes the workbook of {@code children} children to a file. */
  public static Counts write(Path file, int children, long seed) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      return write(out, children, seed);
    }
  }

  /** Writes the workbook of {@code children} children (at least 100) to a stream. */
  public static Counts write(OutputStream out, int children, long seed) throws IOException {
    if (children < 100) {
      throw new IllegalArgumentException("An Annex A workbook of at least 100 children");
    }
    AnnexAWorkbook w = new AnnexAWorkbook(children, seed);
    w.stories();
    return w.writeTo(out);
  }

  // --- the children's stories

  private void stories() {
    double f = children / 12_000.0;
    int referred = (int) Math.round(5_800 * f);
    int reReferred = (int) Math.round(200 * f);
    int openCin = (int) Math.round(2_000 * f);
    int openCp = (int) Math.round(150 * f);
    int openCla = (int) Math.round(750 * f);
    int leavers = (int) Math.round(400 * f);
    int contactsOnly = children - referred - openCin - openCp - openCla - leavers;
    List<Child> inCare = new ArrayList<>();
    for (int i = 0; i < referred; i++) {
      referred(child(0, 17), i < reReferred);
    }
    for (int i = 0; i < openCin; i++) {
      openChildInNeed(child(0, 17));
    }
    for (int i = 0; i < openCp; i++) {
      openProtection(child(0, 16));
    }
    for (int i = 0; i < openCla; i++) {
      Child c = child(0, 17);
      openInCare(c);
      inCare.add(c);
    }
    for (int i = 0; i < leavers; i++) {
      careLeaver(child(18, 21));
    }
    for (int i = 0; i < contactsOnly; i++) {
      Child c = child(0, 17);
      int n = random.nextDouble() < 0.2 ? 2 : 1;
      for (int k = 0; k < n; k++) {
        contact(c, day(FROM, EXTRACT));
      }
      if (random.nextDouble() < 0.4) {
        earlyHelp(c);
      }
    }
    adoption(inCare, (int) Math.round(60 * f), (int) Math.round(40 * f));
    endEpisode();
  }

  private Child child(int minAge, int maxAge) {
    long id;
    do {
      id = 100_000 + random.nextInt(16_000_000);
    } while (!ids.add(id));
    double g = random.nextDouble();
    String gender =
        g < 0.49 ? "a) Male" : g < 0.97 ? "b) Female" : g < 0.98 ? "c) Not stated/recorded" : "";
    if (!gender.isEmpty() && random.nextDouble() < 0.05) {
      gender = gender.substring(3); // "Female": this list's system writes no letter
    }
    double e = random.nextDouble();
    String ethnicity =
        e < 0.70
            ? ETHNICITY[0]
            : e < 0.98 ? ETHNICITY[1 + random.nextInt(ETHNICITY.length - 1)] : "";
    LocalDate born =
        EXTRACT
            .minusYears(minAge)
            .minusDays(random.nextInt(365 * (maxAge - minAge + 1)))
            .minusDays(1);
    return new Child(id, gender, ethnicity, born, 1 + random.nextInt(6));
  }

  /** A child referred in the six months (twice, a few): one case per referral. */
  private void referred(Child c, boolean twice) {
    if (twice) {
      // A first referral early on, closed at referral or after an assessment, and another later.
      LocalDate first = weekday(day(FROM, FROM.plusDays(45)));
      contact(c, first.minusDays(random.nextInt(3)));
      boolean nfa = random.nextBoolean();
      referral(c, first, nfa, 1);
      if (!nfa) {
        assessment(c, first, duty(c));
      }
      LocalDate second = weekday(day(first.plusDays(100), EXTRACT.minusDays(1)));
      contact(c, second.minusDays(random.nextInt(3)));
      episode(c, second, 2);
    } else {
      LocalDate date = weekday(day(FROM, EXTRACT.minusDays(1)));
      contact(c, date.minusDays(random.nextInt(4)));
      if (random.nextDouble() < 0.05) {
        earlyHelp(c);
      }
      episode(c, date, random.nextDouble() < 0.15 ? 1 + random.nextInt(3) : 0);
    }
  }

  /** A referral and what follows it, all within the one episode. */
  private void episode(Child c, LocalDate date, int earlier) {
    boolean nfa = random.nextDouble() < 0.08;
    referral(c, date, nfa, earlier);
    if (nfa) {
      return;
    }
    String worker = duty(c);
    LocalDate authorised = random.nextDouble() < 0.995 ? assessment(c, date, worker) : null;
    String unit = unit(c);
    LocalDate plan = null;
    if (random.nextDouble() < 0.29) {
      plan = enquiry(c, weekday(date.plusDays(random.nextInt(11))), unit);
    }
    if (plan != null) {
      protection(c, plan, unit, authorised != null && !authorised.isAfter(plan) ? "cin" : null);
    } else if (authorised != null && random.nextDouble() < 0.5) {
      childInNeed(c, authorised, unit, "c) Child in need plan");
    }
    if (random.nextDouble() < 0.027) {
      LocalDate start = date.plusDays(3 + random.nextInt(58));
      if (!start.isAfter(EXTRACT)) {
        inCare(c, start);
      }
    }
  }

  private void referral(Child c, LocalDate date, boolean nfa, int earlier) {
    endEpisode();
    cases++;
    referrals++;
    String team = random.nextDouble() < 0.3 ? "Multi Agency Safeguarding Hub" : dutyTeam(c);
    String nfaText = nfa ? "Yes" : "No";
    if (random.nextDouble() < 0.05) {
      nfaText = nfa ? "a) Yes" : "b) No";
    }
    Object when = random.nextDouble() < 0.01 ? new TextDate(date) : date;
    add(
        3,
        date,
        c,
        when,
        CONTACT_SOURCE[random.nextInt(CONTACT_SOURCE.length)],
        nfaText,
        earlier,
        team,
        worker(team, 0.02, 0.005));
    closes(nfa ? date : null);
  }

  /** A continuous assessment from a referral; the day it was authorised, or null while open. */
  private LocalDate assessment(Child c, LocalDate referral, String team) {
    int r = random.nextInt(100);
    LocalDate start = referral.plusDays(r < 60 ? 0 : r < 85 ? 1 : r < 95 ? 2 : 3 + r % 3);
    if (start.isAfter(EXTRACT)) {
      start = referral;
    }
    double d = random.nextDouble();
    int workingDays =
        d < 0.70
            ? 10 + random.nextInt(26)
            : d < 0.90 ? 36 + random.nextInt(10) : 46 + random.nextInt(25);
    LocalDate authorised = plusWeekdays(start, workingDays);
    boolean open = authorised.isAfter(EXTRACT);
    Object authorisedCell = open ? null : authorised;
    if (!open && random.nextDouble() < 0.005) {
      long days = ChronoUnit.DAYS.between(start, authorised);
      authorisedCell = new Formula(row -> "G" + row + "+" + days, authorised);
    }
    add(
        4,
        start,
        c,
        disability(),
        start,
        random.nextDouble() < 0.97 ? "Yes" : "No",
        authorisedCell,
        open ? null : random.nextDouble() < 0.6 ? "Yes" : "No",
        team,
        worker(team, 0.02, 0.005));
    return open ? null : authorised;
  }

  /**
   * A section 47 enquiry from its strategy discussion; the day a protection plan started, or null.
   */
  private LocalDate enquiry(Child c, LocalDate strategy, String team) {
    if (strategy.isAfter(EXTRACT)) {
      strategy = EXTRACT;
    }
    double d = random.nextDouble();
    LocalDate icpc = null;
    boolean unnecessary = false;
    if (d < 0.35) {
      double late = random.nextDouble();
      icpc = plusWeekdays(strategy, late < 0.75 ? 5 + random.nextInt(11) : 16 + random.nextInt(10));
      if (icpc.isAfter(EXTRACT)) {
        icpc = null; // not held yet
      }
    } else if (d < 0.90) {
      unnecessary = true;
    }
    boolean plan = icpc != null && random.nextDouble() < 0.8;
    add(
        5,
        strategy,
        c,
        disability(),
        strategy,
        unnecessary ? "Yes" : "No",
        icpc,
        icpc == null ? null : plan ? "Yes" : "No",
        1 + (random.nextDouble() < 0.2 ? 1 : 0),
        icpc == null ? 0 : 1,
        team,
        worker(team, 0.02, 0.005));
    return plan ? icpc : null;
  }

  private void childInNeed(Child c, LocalDate start, String team, String status) {
    LocalDate closed = null;
    if (random.nextDouble() < 0.25) {
      LocalDate d = start.plusDays(20 + random.nextInt(150));
      closed = d.isAfter(EXTRACT) ? null : d;
    }
    LocalDate end = closed != null ? closed : EXTRACT;
    LocalDate seen = end.minusDays(random.nextInt(40));
    if (seen.isBefore(start)) {
      seen = start;
    }
    Object seenCell =
        random.nextDouble() < 0.01 ? new TextDate(seen) : random.nextDouble() < 0.02 ? null : seen;
    boolean lookupFailed = random.nextDouble() < 0.03;
    add(
        6,
        start,
        c,
        disability(),
        start,
        NEED[random.nextInt(NEED.length)],
        seenCell,
        closed,
        closed == null
            ? null
            : random.nextBoolean()
                ? "RC8 - Case closed after assessment, referred to early help"
                : "RC7 - Case closed after assessment, no further action",
        status,
        lookupFailed ? NA : team,
        lookupFailed ? NA : worker(team, 0.02, 0.01));
    closes(closed);
  }

  /** A protection plan; {@code cin}: the child is also in List 6, from the plan's start. */
  private void protection(Child c, LocalDate start, String team, String cin) {
    LocalDate end = null;
    if (random.nextDouble() < 0.2) {
      LocalDate d = start.plusDays(30 + random.nextInt(200));
      end = d.isAfter(EXTRACT) ? null : d;
    }
    LocalDate last = end != null ? end : EXTRACT;
    LocalDate visit =
        random.nextDouble() < 0.9
            ? last.minusDays(random.nextInt(14))
            : last.minusDays(15 + random.nextInt(30));
    if (visit.isBefore(start)) {
      visit = ChronoUnit.DAYS.between(start, last) < 3 ? null : start.plusDays(2);
    }
    LocalDate review = null;
    for (LocalDate due = start.plusMonths(3); !due.isAfter(last); due = due.plusMonths(6)) {
      LocalDate held = due.plusDays(random.nextInt(15) - 7);
      if (!held.isAfter(last) && held.isAfter(start)) {
        review = held;
      }
    }
    String category = ABUSE[random.nextInt(ABUSE.length)];
    add(
        7,
        start,
        c,
        disability(),
        start,
        category,
        random.nextDouble() < 0.9 ? category : ABUSE[random.nextInt(ABUSE.length)],
        visit,
        visit == null ? null : random.nextDouble() < 0.7 ? "a) Yes" : "b) No",
        review,
        end,
        random.nextDouble() < 0.03 ? "a) Yes" : "b) No",
        random.nextDouble() < 0.2 ? 1 : 0,
        team,
        worker(team, 0.01, 0.005));
    if (cin != null && random.nextDouble() < 0.5) {
      childInNeed(c, start, team, "b) Child protection plan");
    }
  }

  /** A child in need from before the six months, with no referral in them: one case. */
  private void openChildInNeed(Child c) {
    endEpisode();
    cases++;
    String team = unit(c);
    LocalDate start = day(EARLIEST, FROM.minusDays(1));
    childInNeed(c, start, team, "c) Child in need plan");
    if (random.nextDouble() < 0.11) {
      LocalDate plan = enquiry(c, weekday(day(FROM, EXTRACT.minusDays(1))), team);
      if (plan != null) {
        protection(c, plan, team, null);
      }
    }
    if (random.nextDouble() < 0.1) {
      contact(c, day(FROM, EXTRACT));
    }
  }

  /** A protection plan from before the six months (also in List 6): one case. */
  private void openProtection(Child c) {
    endEpisode();
    cases++;
    String team = unit(c);
    LocalDate plan = day(EARLIEST.plusDays(60), FROM.minusDays(1));
    protection(c, plan, team, null);
    childInNeed(c, plan.minusDays(random.nextInt(60)), team, "b) Child protection plan");
  }

  /** A child in care from before the six months: one case. */
  private void openInCare(Child c) {
    endEpisode();
    cases++;
    inCare(c, day(EARLIEST, FROM.minusDays(1)));
  }

  private void inCare(Child c, LocalDate start) {
    String team = "Children in Care Team " + (1 + random.nextInt(5));
    LocalDate ceased = null;
    if (random.nextDouble() < 0.10) {
      LocalDate d = start.plusDays(30 + random.nextInt(300));
      ceased = d.isAfter(EXTRACT) ? null : d;
    }
    LocalDate last = ceased != null ? ceased : EXTRACT;
    LocalDate visit =
        random.nextDouble() < 0.92
            ? last.minusDays(random.nextInt(42))
            : last.minusDays(43 + random.nextInt(40));
    if (visit.isBefore(start)) {
      visit = start;
    }
    LocalDate review = max(start, last.minusDays(random.nextInt(180)));
    LocalDate placement = max(start, last.minusDays(random.nextInt(400)));
    String[] legal = {"C1: ICO", "C2: FCO", "E1: Placement order", "V2: Single period"};
    String[] type = {
      "a) U1: Foster placement - relatives - long term",
      "d) U4: Foster placement - long term",
      "f) U6: Foster placement - not FFA",
      "n) H5: Residential accommodation",
      "k) E47: Special Guardianship Orders - relative/friend"
    };
    String[] provider = {
      "b) PR1 - Own provision", "e) PR4 - Private provision", "f) PR5 - Voluntary/third sector"
    };
    int missing = random.nextDouble() < 0.1 ? 1 + random.nextInt(6) : 0;
    LocalDate legalStart = start.plusDays(random.nextInt(90));
    add(
        8,
        start,
        c,
        random.nextDouble() < 0.05 ? "a) Yes" : "b) No",
        disability(),
        start,
        NEED[random.nextInt(3)],
        random.nextDouble() < 0.08 ? "a) Yes" : "b) No",
        legalStart.isAfter(last) ? start : legalStart,
        legal[random.nextInt(legal.length)],
        review,
        visit,
        null,
        max(start, last.minusDays(random.nextInt(120))),
        max(start, last.minusDays(random.nextInt(300))),
        max(start, last.minusDays(random.nextInt(300))),
        1 + (random.nextDouble() < 0.2 ? 1 + random.nextInt(3) : 0),
        ceased,
        ceased == null ? null : "E13: Left care to live with parent(s)",
        placement,
        type[random.nextInt(type.length)],
        provider[random.nextInt(provider.length)],
        postcode(),
        null,
        null,
        random.nextDouble() < 0.7 ? "Home Town" : "Other Town " + (1 + random.nextInt(4)),
        missing,
        random.nextDouble() < 0.05 ? 1 : 0,
        missing > 0 ? "a) Yes" : null,
        missing > 0 ? (random.nextBoolean() ? "a) Yes" : "b) No") : null,
        team,
        worker(team, 0.01, 0.005));
    closes(ceased);
  }

  private void careLeaver(Child c) {
    String team = "Care Leavers Team";
    String[] eligibility = {"a) Relevant child", "b) Former relevant child"};
    String[] accommodation = {
      "U: Independent living", "Y: Other accommodation", "B: Parents/relatives"
    };
    String[] activity = {
      "F1: Full time in higher education",
      "F2: Full time in education other than higher",
      "F3: Full time in training or employment",
      "G5: Not in education, employment or training - other"
    };
    add(
        9,
        FROM,
        c,
        disability(),
        team,
        worker(team, 0.02, 0.0),
        eligibility[random.nextInt(2)],
        random.nextDouble() < 0.9 ? "a) Yes" : "b) No",
        accommodation[random.nextInt(accommodation.length)],
        random.nextDouble() < 0.9 ? "a) Suitable" : "b) Unsuitable",
        activity[random.nextInt(activity.length)]);
  }

  private void contact(Child c, LocalDate date) {
    add(1, date, c, date, CONTACT_SOURCE[random.nextInt(CONTACT_SOURCE.length)]);
  }

  private void earlyHelp(Child c) {
    LocalDate start = day(FROM, EXTRACT);
    LocalDate done = start.plusDays(10 + random.nextInt(50));
    add(
        2,
        start,
        c,
        start,
        done.isAfter(EXTRACT) ? null : done,
        random.nextDouble() < 0.8
            ? "Early Help Locality " + c.locality()
            : random.nextBoolean() ? "Top Town Academy" : "Early Help Service");
  }

  /** Lists 10 (children in care with an adoption plan) and 11 (adopters), with formulas. */
  private void adoption(List<Child> inCare, int children, int adopters) {
    long family = 4_000_000;
    for (int i = 0; i < children && i < inCare.size(); i++) {
      Child c = inCare.get(i);
      LocalDate entered = day(EARLIEST, FROM.minusDays(1));
      Object[] steps = new Object[6];
      LocalDate d = entered;
      int steps0 = random.nextInt(7);
      for (int s = 0; s < steps0 && s < 6; s++) {
        LocalDate next = d.plusDays(5 + random.nextInt(60));
        if (next.isAfter(EXTRACT)) {
          break;
        }
        String col = String.valueOf((char) ('H' + s));
        long days = ChronoUnit.DAYS.between(d, next);
        steps[s] =
            random.nextDouble() < 0.3 ? new Formula(row -> col + row + "+" + days, next) : next;
        d = next;
      }
      lists
          .get(9)
          .add(
              new Line(
                  entered,
                  c.id(),
                  new Object[] {
                    c.id(),
                    family + i,
                    c.gender(),
                    c.ethnicity(),
                    c.born(),
                    (long) c.born().until(EXTRACT).getYears(),
                    disability(),
                    entered,
                    steps[0],
                    steps[1],
                    steps[2],
                    steps[3],
                    steps[4],
                    null,
                    null,
                    steps[5]
                  }));
    }
    for (int i = 0; i < adopters; i++) {
      long adopter = 20_000_000 + i * 7L;
      LocalDate enquiry = day(EARLIEST, FROM);
      Object[] cells = new Object[19];
      cells[0] = adopter;
      cells[1] = family + (i % Math.max(1, children));
      cells[2] = random.nextBoolean() ? "a) Male" : "b) Female";
      cells[3] = ETHNICITY[random.nextDouble() < 0.8 ? 0 : random.nextInt(ETHNICITY.length)];
      cells[4] = random.nextDouble() < 0.05 ? "a) Yes" : "b) No";
      cells[5] = random.nextDouble() < 0.2 ? "Yes" : "No";
      cells[6] = enquiry;
      LocalDate d = enquiry;
      for (int s = 7; s <= 14; s++) {
        LocalDate next = d.plusDays(7 + random.nextInt(21));
        if (next.isAfter(EXTRACT)) {
          break;
        }
        String col = String.valueOf((char) ('A' + s - 1));
        long days = ChronoUnit.DAYS.between(d, next);
        cells[s] =
            random.nextDouble() < 0.3 ? new Formula(row -> col + row + "+" + days, next) : next;
        d = next;
      }
      cells[15] = cells[14] == null ? null : (Object) (long) (1 + random.nextInt(2));
      lists.get(10).add(new Line(enquiry, adopter, cells));
    }
  }

  // --- values

  private String disability() {
    return random.nextDouble() < 0.08 ? "a) Yes" : "b) No";
  }

  private String postcode() {
    return (char) ('A' + random.nextInt(26))
        + String.valueOf(1 + random.nextInt(40))
        + " "
        + (1 + random.nextInt(9))
        + (char) ('A' + random.nextInt(26))
        + (char) ('A' + random.nextInt(26));
  }

  private String dutyTeam(Child c) {
    return "Locality " + c.locality() + " Duty Team";
  }

  private String duty(Child c) {
    return random.nextDouble() < 0.8 ? dutyTeam(c) : unit(c);
  }

  private String unit(Child c) {
    return random.nextDouble() < 0.05
        ? "Children with Disabilities Team"
        : "Locality " + c.locality() + " Unit " + (1 + random.nextInt(4));
  }

  /** A worker of the team as the system writes the name, blank or {@code #N/A} now and then. */
  private Object worker(String team, double blank, double lookupFailed) {
    double d = random.nextDouble();
    if (d < blank) {
      return null;
    }
    if (d < blank + lookupFailed) {
      return NA;
    }
    List<String> names = workersOf.get(team);
    String name = names.get(random.nextInt(names.size()));
    boolean nbsp = nbspWorkers.contains(name) ^ random.nextDouble() < 0.05;
    return nbsp ? name.replace(' ', '\u00a0') : name;
  }

  /** A day from {@code from} to {@code to}, both included. */
  private LocalDate day(LocalDate from, LocalDate to) {
    return from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
  }

  /** The day, or (nine times in ten) the Monday after it when it falls at a weekend. */
  private LocalDate weekday(LocalDate d) {
    if (d.getDayOfWeek().getValue() >= 6 && random.nextDouble() < 0.9) {
      LocalDate monday = d.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY));
      return monday.isAfter(EXTRACT) ? d : monday;
    }
    return d;
  }

  private static LocalDate plusWeekdays(LocalDate d, int n) {
    LocalDate x = d;
    for (int i = 0; i < n; ) {
      x = x.plusDays(1);
      if (x.getDayOfWeek().getValue() < 6) {
        i++;
      }
    }
    return x;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** A row of Lists 1 to 9: the child's id, gender, ethnicity, birth and age, then the rest. */
  private void add(int list, LocalDate key, Child c, Object... rest) {
    Object[] cells = new Object[5 + rest.length];
    cells[0] = c.id();
    cells[1] = c.gender();
    cells[2] = c.ethnicity();
    boolean noBirth = random.nextDouble() < 0.01;
    cells[3] = noBirth ? null : c.born();
    double age = c.born().until(EXTRACT, ChronoUnit.DAYS) / 365.25;
    cells[4] =
        noBirth
            ? null
            : random.nextDouble() < 0.02
                ? new Formula(row -> "(DATE(2026,3,31)-D" + row + ")/365.25", age)
                : (Object) age;
    System.arraycopy(rest, 0, cells, 5, rest.length);
    lists.get(list - 1).add(new Line(key, c.id(), cells));
    if (list >= 3 && list <= 8) {
      episodeRows.add(new Object[] {key, list == 3, null});
    }
  }

  // --- writing

  private Counts writeTo(OutputStream out) throws IOException {
    Map<String, Integer> rows = new LinkedHashMap<>();
    Set<Long> childIds = new HashSet<>();
    try (SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), 200, true, true)) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
      CellStyle whole = wb.createCellStyle();
      whole.setDataFormat(wb.createDataFormat().getFormat("0"));
      for (int l = 0; l < 11; l++) {
        String name = "List " + (l + 1);
        Sheet sheet = wb.createSheet(name);
        Row header = sheet.createRow(0);
        for (int k = 0; k < HEADERS[l].length; k++) {
          header.createCell(k).setCellValue(HEADERS[l][k]);
        }
        List<Line> lines = lists.get(l);
        lines.sort(Comparator.comparing(Line::key).thenComparingLong(Line::child));
        int r = 1;
        for (Line line : lines) {
          if (line.cells().length != HEADERS[l].length) {
            throw new IllegalStateException(
                name + " row " + (r + 1) + ": " + line.cells().length + " cells");
          }
          Row row = sheet.createRow(r++);
          for (int k = 0; k < line.cells().length; k++) {
            cell(row, k, line.cells()[k], r, date, whole);
          }
          if (l < 10) {
            childIds.add(line.child());
          }
        }
        rows.put(name, lines.size());
        lines.clear();
      }
      wb.write(out);
      wb.dispose();
    }
    if (childIds.size() != children) {
      throw new IllegalStateException("wrote " + childIds.size() + " children, not " + children);
    }
    return new Counts(childIds.size(), rows, cases, referrals, afterClosure);
  }

  private static void cell(
      Row row, int k, Object v, int excelRow, CellStyle date, CellStyle whole) {
    if (v == null) {
      return;
    }
    Cell cell = row.createCell(k);
    switch (v) {
      case String s -> cell.setCellValue(s);
      case LocalDate d -> {
        cell.setCellValue(serial(d));
        cell.setCellStyle(date);
      }
      case TextDate t -> cell.setCellValue(t.date().format(TEXT_DATE));
      case Long n -> {
        cell.setCellValue(n);
        cell.setCellStyle(whole);
      }
      case Integer n -> cell.setCellValue(n);
      case Double n -> cell.setCellValue(n);
      case Formula f -> {
        cell.setCellFormula(f.text().apply(excelRow));
        if (f.cached() instanceof LocalDate d) {
          cell.setCellValue(serial(d));
          cell.setCellStyle(date);
        } else {
          cell.setCellValue((Double) f.cached());
        }
      }
      default -> {
        if (v == NA) {
          cell.setCellErrorValue(FormulaError.NA.getCode());
        } else {
          throw new IllegalArgumentException("a cell of " + v.getClass());
        }
      }
    }
  }

  private static double serial(LocalDate d) {
    return ChronoUnit.DAYS.between(EXCEL_EPOCH, d);
  }
}
