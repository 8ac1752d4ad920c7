package org.safeload.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.safeload.extract.Records.Assessment;
import org.safeload.extract.Records.ChildInNeed;
import org.safeload.extract.Records.Enquiry;
import org.safeload.extract.Records.InCare;
import org.safeload.extract.Records.ProtectionPlan;
import org.safeload.extract.Records.Recorded;
import org.safeload.extract.Records.Referral;
import org.safeload.extract.Records.Source;
import org.safeload.extract.SheetRows.Cell;
import org.safeload.timeliness.ChildCsv;
import org.xml.sax.SAXException;

/**
 * Reads an Ofsted Annex A workbook as a council's case recording system exports it
 * (docs/annex-a.md): Lists 3 to 8, found by sheet name ({@code List 3}, {@code List3}, {@code List
 * 3 - Referrals}), columns by header whatever their case, spacing and punctuation, and known
 * variants; dates as Excel serials or {@code dd/mm/yyyy} text; coded values with or without their
 * {@code a)} prefix; formulas by their cached value. Lists 1, 2, 9, 10 and 11 are reported as not
 * used.
 */
public final class AnnexA {

  public static final String KIND = "Ofsted Annex A";

  private static final Pattern LIST = Pattern.compile("^\\s*list[\\s_\\-.]*0*(\\d{1,2})(?!\\d)");
  private static final Pattern CODE_PREFIX = Pattern.compile("^[a-z]{1,2}\\)\\s*");
  private static final Pattern DMY =
      Pattern.compile("^(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})(?:[ T].*)?$");
  private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?:[ T].*)?$");
  private static final Pattern SERIAL = Pattern.compile("^\\d{1,6}(?:\\.\\d+)?$");

  private AnnexA() {}

  /** A column Safeload reads: its key, the words for reports, and the headers it goes by. */
  enum Column {
    CHILD("Child Unique ID", "child unique id", "child id", "child unique identifier", "id"),
    BORN("Date of Birth", "date of birth", "dob", "birth date"),
    REFERRAL("Date of Referral", "date of referral", "referral date"),
    NFA(
        "Referral NFA?",
        "referral nfa",
        "nfa",
        "referral nfa y n",
        "referral no further action",
        "was the referral nfa"),
    ASSESSMENT_START(
        "Continuous Assessment Start Date",
        "continuous assessment start date",
        "assessment start date",
        "date assessment started"),
    ASSESSMENT_AUTHORISED(
        "Continuous Assessment Date of Authorisation",
        "continuous assessment date of authorisation",
        "assessment date of authorisation",
        "assessment authorisation date",
        "date of authorisation",
        "assessment completion date",
        "continuous assessment completion date"),
    STRATEGY(
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "strategy discussion initiating section 47 enquiry start date",
        "section 47 enquiry start date",
        "s47 enquiry start date",
        "s47 start date",
        "strategy discussion date"),
    ICPC_NOT_NEEDED(
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "was an initial child protection conference deemed unnecessary",
        "icpc deemed unnecessary",
        "icpc not required"),
    ICPC(
        "Date of Initial Child Protection Conference",
        "date of initial child protection conference",
        "icpc date",
        "date of icpc"),
    CIN_START("CIN Start Date", "cin start date", "child in need start date"),
    LAST_SEEN(
        "Date Child Was Last Seen",
        "date child was last seen",
        "date child last seen",
        "last seen"),
    CIN_CLOSED("CIN Closure Date", "cin closure date", "child in need closure date"),
    CP_START(
        "Child Protection Plan Start Date",
        "child protection plan start date",
        "cp plan start date",
        "cpp start date"),
    CP_VISIT(
        "Date of the Last Statutory Visit",
        "date of the last statutory visit",
        "date of last statutory visit",
        "last statutory visit"),
    CP_REVIEW(
        "Date of latest review conference",
        "date of latest review conference",
        "date of the latest review conference",
        "latest review conference date"),
    CP_END(
        "Child Protection Plan End Date",
        "child protection plan end date",
        "cp plan end date",
        "cpp end date"),
    CARE_START(
        "Date Started to be Looked After",
        "date started to be looked after",
        "date started looked after",
        "date became looked after"),
    CARE_VISIT(
        "Date of Last Social Work Visit",
        "date of last social work visit",
        "date of the last social work visit",
        "last social work visit"),
    CARE_CEASED(
        "Date Ceased to be Looked After",
        "date ceased to be looked after",
        "date ceased looked after"),
    TEAM("Allocated Team", "allocated team", "team"),
    WORKER("Allocated Worker", "allocated worker", "worker", "allocated social worker");

    final String words;
    final List<String> headers;

    Column(String words, String... headers) {
      this.words = words;
      this.headers = List.of(headers);
    }
  }

  /** What Safeload reads from each list: the columns it needs and those it reads when present. */
  private record ListSpec(int number, String name, List<Column> required, List<Column> optional) {}

  private static final List<ListSpec> SPECS =
      List.of(
          new ListSpec(
              3,
              "Referrals",
              List.of(Column.CHILD, Column.REFERRAL),
              List.of(Column.BORN, Column.NFA, Column.TEAM, Column.WORKER)),
          new ListSpec(
              4,
              "Assessments",
              List.of(Column.CHILD, Column.ASSESSMENT_START),
              List.of(Column.BORN, Column.ASSESSMENT_AUTHORISED, Column.TEAM, Column.WORKER)),
          new ListSpec(
              5,
              "Section 47 enquiries",
              List.of(Column.CHILD, Column.STRATEGY),
              List.of(
                  Column.BORN, Column.ICPC_NOT_NEEDED, Column.ICPC, Column.TEAM, Column.WORKER)),
          new ListSpec(
              6,
              "Children in need",
              List.of(Column.CHILD, Column.CIN_START),
              List.of(
                  Column.BORN, Column.LAST_SEEN, Column.CIN_CLOSED, Column.TEAM, Column.WORKER)),
          new ListSpec(
              7,
              "Child protection",
              List.of(Column.CHILD, Column.CP_START),
              List.of(
                  Column.BORN,
                  Column.CP_VISIT,
                  Column.CP_REVIEW,
                  Column.CP_END,
                  Column.TEAM,
                  Column.WORKER)),
          new ListSpec(
              8,
              "Children in care",
              List.of(Column.CHILD, Column.CARE_START),
              List.of(
                  Column.BORN, Column.CARE_VISIT, Column.CARE_CEASED, Column.TEAM, Column.WORKER)));

  private static final Map<Integer, String> NOT_USED =
      Map.of(
          1, "Contacts",
          2, "Early help assessments",
          9, "Care leavers",
          10, "Adoption",
          11, "Adopters");

  /** Reads a workbook file. */
  public static Extract read(Path workbook, ExtractOptions options) {
    String file = workbook.getFileName().toString();
    try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
      return read(pkg, file, options);
    } catch (IOException
        | OpenXML4JException
        | OpenXML4JRuntimeException
        | org.apache.poi.EmptyFileException
        | org.apache.poi.UnsupportedFileFormatException e) {
      return unreadable(file, options);
    }
  }

  /** Reads a workbook from a stream (an upload). */
  public static Extract read(InputStream in, String fileName, ExtractOptions options) {
    try (OPCPackage pkg = OPCPackage.open(in)) {
      return read(pkg, fileName, options);
    } catch (IOException
        | OpenXML4JException
        | OpenXML4JRuntimeException
        | org.apache.poi.EmptyFileException
        | org.apache.poi.UnsupportedFileFormatException e) {
      return unreadable(fileName, options);
    }
  }

  private static Extract unreadable(String file, ExtractOptions options) {
    return refused(
        file,
        options,
        new ExtractProblem(
            file,
            0,
            "",
            "is not an Excel workbook (.xlsx) that can be read: save it from Excel as an .xlsx"
                + " workbook"));
  }

  private static Extract refused(String file, ExtractOptions options, ExtractProblem problem) {
    return new Extract(
        KIND,
        file,
        options.extractDate(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(problem),
        List.of(),
        notMeasured(),
        options.skipInvalid());
  }

  /** The rules Annex A cannot measure, with the reason. */
  static Map<String, String> notMeasured() {
    return Map.of(
        "referral-decision-1wd",
        "Annex A gives the date of a referral but not when the decision on it was made");
  }

  private static Extract read(OPCPackage pkg, String file, ExtractOptions options) {
    Reading reading = new Reading(file, options);
    try {
      SheetRows.read(pkg, reading);
    } catch (SheetRows.BadSheet e) {
      return refused(file, options, new ExtractProblem(e.sheet, e.row, "", e.getMessage()));
    } catch (IOException
        | OpenXML4JException
        | SAXException
        | ParserConfigurationException
        | RuntimeException e) {
      return unreadable(file, options);
    }
    return reading.finish();
  }

  /** One workbook's reading: its lists' rows, problems and records as they come. */
  private static final class Reading implements SheetRows.SheetHandler {
    final String file;
    final ExtractOptions options;
    final Map<Integer, ListState> lists = new LinkedHashMap<>();
    final List<ExtractProblem> problems = new ArrayList<>();
    final List<String> otherSheets = new ArrayList<>();
    final List<String> sheetNames = new ArrayList<>();
    boolean date1904;

    Reading(String file, ExtractOptions options) {
      this.file = file;
      this.options = options;
    }

    @Override
    public void dates1904(boolean date1904) {
      this.date1904 = date1904;
    }

    @Override
    public SheetRows.RowHandler sheet(String name) {
      sheetNames.add(name);
      Matcher m = LIST.matcher(name.replace('\u00a0', ' ').toLowerCase(Locale.ROOT));
      int number = m.find() ? Integer.parseInt(m.group(1)) : 0;
      if (number < 1 || number > 11) {
        otherSheets.add(name);
        return null;
      }
      if (lists.containsKey(number)) {
        lists.get(number).notes.add("the sheet " + name + " is also List " + number + ": not read");
        return null;
      }
      ListSpec spec = SPECS.stream().filter(s -> s.number() == number).findFirst().orElse(null);
      ListState state = new ListState(number, name, spec);
      lists.put(number, state);
      return spec == null ? state::count : state::row;
    }

    /** The state of one list as it is read. */
    final class ListState {
      final int number;
      final String sheet;
      final ListSpec spec;
      final List<String> notes = new ArrayList<>();
      final List<String> skipped = new ArrayList<>();
      final List<Recorded> records = new ArrayList<>();
      final List<Records.ChildBorn> born = new ArrayList<>();
      Map<Column, Integer> columns;
      List<String> headerTexts;
      int headerRow;
      int rows;
      int noWorker;

      /** The needed columns the header lacks, when it lacks one. */
      String unreadableList;

      /** The children with a row that could not be read, and where the first one is. */
      final Map<String, Integer> badChildren = new LinkedHashMap<>();

      ListState(int number, String sheet, ListSpec spec) {
        this.number = number;
        this.sheet = sheet;
        this.spec = spec;
      }

      /** A list Safeload does not read: its rows are counted. */
      void count(int rowNumber, List<Cell> cells) {
        if (headerRow == 0 && cells.stream().anyMatch(c -> !c.blank())) {
          headerRow = rowNumber;
        } else if (cells.stream().anyMatch(c -> !c.blank())) {
          rows++;
        }
      }

      void row(int rowNumber, List<Cell> cells) {
        if (cells.stream().allMatch(Cell::blank)) {
          return;
        }
        if (columns == null) {
          header(rowNumber, cells);
          return;
        }
        rows++;
        if (columns.isEmpty()) {
          return; // a header without a needed column: reported once, its rows counted
        }
        read(rowNumber, cells);
      }

      /** The first row with a child id among its headers is the header (a title may come first). */
      private void header(int rowNumber, List<Cell> cells) {
        Map<Column, Integer> found = new LinkedHashMap<>();
        List<String> texts = new ArrayList<>();
        List<String> normal = new ArrayList<>();
        for (Cell cell : cells) {
          texts.add(cell.text());
          normal.add(normalHeader(cell.text()));
        }
        // Each column by its best-ranked header: "Child Unique ID" before a bare "ID", "Allocated
        // Worker" before a bare "Worker", wherever they stand.
        for (Column c : Column.values()) {
          for (String variant : c.headers) {
            int i = normal.indexOf(variant);
            if (i >= 0) {
              found.put(c, i);
              break;
            }
          }
        }
        if (!found.containsKey(Column.CHILD) && rowNumber < 10) {
          return; // a title above the header
        }
        headerRow = rowNumber;
        headerTexts = texts;
        List<String> missing = new ArrayList<>();
        for (Column c : spec.required()) {
          if (!found.containsKey(c)) {
            missing.add(c.words);
          }
        }
        if (!missing.isEmpty()) {
          problems.add(
              new ExtractProblem(
                  sheet,
                  rowNumber,
                  String.join(", ", missing),
                  "no such column in the header, so the list cannot be read (headers: "
                      + String.join(" | ", texts.stream().filter(t -> !t.isBlank()).toList())
                      + ")"));
          columns = Map.of();
          unreadableList = String.join(", ", missing);
          return;
        }
        for (Column c : spec.optional()) {
          if (!found.containsKey(c)) {
            notes.add("no column " + c.words + ": " + missingMeans(c));
          }
        }
        columns = found;
      }

      private String missingMeans(Column c) {
        return switch (c) {
          case TEAM, WORKER -> "no allocation is read from this list";
          case BORN -> "no dates of birth from this list";
          default -> "that date is not read";
        };
      }

      private void read(int rowNumber, List<Cell> cells) {
        List<ExtractProblem> rowProblems = new ArrayList<>();
        String child = text(cells, Column.CHILD, true);
        if (child.isEmpty()) {
          rowProblems.add(problem(rowNumber, Column.CHILD, "no child id"));
        } else if (child.length() > 64) {
          rowProblems.add(problem(rowNumber, Column.CHILD, "a child id is at most 64 characters"));
        }
        Dates dates = new Dates(rowNumber, cells, rowProblems);
        LocalDate bornOn = dates.get(Column.BORN, false);
        String team = CaseEpisodes.normalName(text(cells, Column.TEAM, false));
        String worker = CaseEpisodes.normalName(text(cells, Column.WORKER, false));
        Source source = new Source("L" + number, sheet, rowNumber, number);
        Recorded record =
            switch (number) {
              case 3 ->
                  new Referral(
                      source,
                      child,
                      dates.event(Column.REFERRAL),
                      yes(rowNumber, cells, Column.NFA, rowProblems),
                      team,
                      worker,
                      null);
              case 4 ->
                  new Assessment(
                      source,
                      child,
                      dates.event(Column.ASSESSMENT_START),
                      dates.event(Column.ASSESSMENT_AUTHORISED),
                      team,
                      worker,
                      null);
              case 5 ->
                  new Enquiry(
                      source,
                      child,
                      dates.event(Column.STRATEGY),
                      yes(rowNumber, cells, Column.ICPC_NOT_NEEDED, rowProblems),
                      dates.event(Column.ICPC),
                      team,
                      worker,
                      null);
              case 6 ->
                  new ChildInNeed(
                      source,
                      child,
                      dates.event(Column.CIN_START),
                      dates.event(Column.LAST_SEEN),
                      dates.event(Column.CIN_CLOSED),
                      team,
                      worker,
                      null);
              case 7 -> {
                LocalDate review = dates.event(Column.CP_REVIEW);
                yield new ProtectionPlan(
                    source,
                    child,
                    dates.event(Column.CP_START),
                    dates.event(Column.CP_VISIT),
                    review == null ? List.of() : List.of(review),
                    true,
                    dates.event(Column.CP_END),
                    team,
                    worker,
                    null);
              }
              default ->
                  new InCare(
                      source,
                      child,
                      dates.event(Column.CARE_START),
                      dates.event(Column.CARE_VISIT),
                      dates.event(Column.CARE_CEASED),
                      team,
                      worker,
                      null);
            };
        Column start = spec.required().get(1);
        if (record.start() == null
            && rowProblems.stream().noneMatch(p -> p.column().equals(start.words))) {
          rowProblems.add(problem(rowNumber, start, "no date: the row cannot be placed"));
        }
        if (!rowProblems.isEmpty()) {
          skipped.add(
              "row "
                  + rowNumber
                  + ": "
                  + String.join(
                      "; ",
                      rowProblems.stream().map(p -> p.column() + ": " + p.reason()).toList()));
          problems.addAll(rowProblems);
          if (!child.isEmpty()) {
            badChildren.putIfAbsent(child, rowNumber);
          }
          return;
        }
        records.add(record);
        born.add(new Records.ChildBorn(child, bornOn));
      }

      private ExtractProblem problem(int row, Column c, String reason) {
        return new ExtractProblem(sheet, row, headerText(c), reason);
      }

      /** The column's header as the sheet writes it (its words when it has none). */
      String headerText(Column c) {
        Integer i = columns == null ? null : columns.get(c);
        return i == null ? c.words : headerTexts.get(i).replace('\u00a0', ' ').strip();
      }

      private String text(List<Cell> cells, Column c, boolean id) {
        Integer i = columns.get(c);
        if (i == null || i >= cells.size()) {
          return "";
        }
        Cell cell = cells.get(i);
        if (cell.error()) {
          return "";
        }
        String t = cell.number() && id ? SheetRows.plainNumber(cell.text()) : cell.text();
        return t.replace('\u00a0', ' ').strip();
      }

      /** A yes/no column (blank is no): "Yes", "a) Yes", "Y", "TRUE", "1". */
      private boolean yes(int row, List<Cell> cells, Column c, List<ExtractProblem> out) {
        String t =
            CODE_PREFIX
                .matcher(text(cells, c, false).toLowerCase(Locale.ROOT))
                .replaceFirst("")
                .strip();
        return switch (t) {
          case "yes", "y", "true", "1" -> true;
          case "no", "n", "false", "0", "" -> false;
          default -> {
            out.add(problem(row, c, "is neither yes nor no (" + text(cells, c, false) + ")"));
            yield false;
          }
        };
      }

      /** The dates of one row, with their problems. */
      private final class Dates {
        final int row;
        final List<Cell> cells;
        final List<ExtractProblem> out;

        Dates(int row, List<Cell> cells, List<ExtractProblem> out) {
          this.row = row;
          this.cells = cells;
          this.out = out;
        }

        /** A date that becomes an event: within the working calendar. */
        LocalDate event(Column c) {
          return get(c, true);
        }

        LocalDate get(Column c, boolean event) {
          Integer i = columns.get(c);
          if (i == null || i >= cells.size()) {
            return null;
          }
          Cell cell = cells.get(i);
          if (cell.blank()) {
            return null;
          }
          if (cell.error()) {
            out.add(
                problem(row, c, "is an error in the workbook (" + cell.text() + "), not a date"));
            return null;
          }
          LocalDate d = date(cell);
          if (d == null) {
            out.add(
                problem(
                    row,
                    c,
                    "is not a date ("
                        + cell.text().strip()
                        + "): give it as a date or dd/mm/yyyy"));
            return null;
          }
          String outside = event ? CaseEpisodes.outsideCalendar(d) : null;
          if (outside != null) {
            out.add(problem(row, c, outside));
            return null;
          }
          return d;
        }
      }

      private LocalDate date(Cell cell) {
        String t = cell.text().replace('\u00a0', ' ').strip();
        try {
          if (cell.number() || SERIAL.matcher(t).matches()) {
            double serial = Double.parseDouble(t);
            long days = (long) Math.floor(serial);
            if (days < 1 || days > 2_958_465) {
              return null;
            }
            return date1904
                ? LocalDate.of(1904, 1, 1).plusDays(days)
                : LocalDate.of(1899, 12, 30).plusDays(days);
          }
          Matcher m = DMY.matcher(t);
          if (m.matches()) {
            return LocalDate.of(
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(1)));
          }
          m = ISO.matcher(t);
          if (m.matches()) {
            return LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
          }
        } catch (NumberFormatException | DateTimeException e) {
          return null;
        }
        return null;
      }
    }

    Extract finish() {
      // A child with a row that could not be read is left out whole: read without it, the rest of
      // its rows would make other cases (an assessment writing its own referral, say), which the
      // corrected workbook would then contradict.
      Map<String, String> badChildren = new LinkedHashMap<>();
      for (ListState s : lists.values()) {
        s.badChildren.forEach(
            (child, row) -> badChildren.putIfAbsent(child, s.sheet + ", row " + row));
      }
      for (ListState s : lists.values()) {
        s.records.removeIf(
            r -> {
              String bad = badChildren.get(r.childId());
              if (bad != null) {
                s.skipped.add(
                    "row "
                        + r.source().row()
                        + ": another row of this child could not be read ("
                        + bad
                        + ")");
              }
              return bad != null;
            });
        s.born.removeIf(b -> badChildren.containsKey(b.childId()));
        s.noWorker = (int) s.records.stream().filter(r -> r.worker().isEmpty()).count();
      }
      if (SPECS.stream().noneMatch(spec -> lists.containsKey(spec.number()))) {
        problems.add(
            new ExtractProblem(
                file,
                0,
                "",
                "has no sheet named List 3 to List 8 (the Annex A lists Safeload reads); its sheets: "
                    + String.join(", ", sheetNames)));
      }
      List<Recorded> records = new ArrayList<>();
      for (ListSpec spec : SPECS) {
        ListState s = lists.get(spec.number());
        if (s != null) {
          records.addAll(s.records);
        }
      }
      CaseEpisodes.Mapped mapped = CaseEpisodes.map(records);
      Map<String, LocalDate> born = new LinkedHashMap<>();
      List<ListReport> reports = new ArrayList<>();
      for (int n = 1; n <= 11; n++) {
        ListState s = lists.get(n);
        final int number = n;
        ListSpec spec = SPECS.stream().filter(x -> x.number() == number).findFirst().orElse(null);
        String list = "List " + n;
        if (spec == null) {
          reports.add(
              new ListReport(
                  list + " (" + NOT_USED.getOrDefault(n, "") + ")",
                  s == null ? null : s.sheet,
                  false,
                  s == null ? 0 : s.rows,
                  0,
                  List.of(),
                  List.of()));
          continue;
        }
        if (s == null) {
          reports.add(
              new ListReport(
                  list + " (" + spec.name() + ")",
                  null,
                  true,
                  0,
                  0,
                  List.of(),
                  List.of("not in the workbook")));
          continue;
        }
        for (Records.ChildBorn b : s.born) {
          if (b.dateOfBirth() != null) {
            born.putIfAbsent(b.childId(), b.dateOfBirth());
          }
        }
        List<String> notes = new ArrayList<>(s.notes);
        if (s.noWorker > 0) {
          notes.add(s.noWorker + " rows have no allocated worker (blank or #N/A)");
        }
        if (s.unreadableList != null && s.rows > 0) {
          notes.add(
              "none of its "
                  + s.rows
                  + " rows is read: the header has no column "
                  + s.unreadableList);
        }
        // Notes of the mapping (events recorded twice) go with their list.
        notes.addAll(mapped.notes().getOrDefault("L" + n, List.of()));
        reports.add(
            new ListReport(
                list + " (" + spec.name() + ")",
                s.sheet,
                true,
                s.rows,
                s.records.size(),
                s.skipped,
                notes));
      }
      for (String other : otherSheets) {
        reports.add(
            new ListReport(
                "Other sheet", other, false, 0, 0, List.of(), List.of("not a list: not read")));
      }
      LocalDate extractDate = options.extractDate();
      if (extractDate == null) {
        extractDate =
            records.stream().flatMap(r -> dates(r).stream()).max(LocalDate::compareTo).orElse(null);
      }
      List<ChildCsv.Child> children = new ArrayList<>();
      java.util.Set<String> childIds = new java.util.LinkedHashSet<>();
      mapped.events().forEach(e -> childIds.add(e.childId()));
      for (String id : childIds) {
        children.add(new ChildCsv.Child(id, born.get(id), null));
      }
      return new Extract(
          KIND,
          file,
          extractDate,
          mapped.events(),
          children,
          mapped.workers(),
          mapped.teams(),
          reports,
          problems,
          mapped.unallocated(),
          notMeasured(),
          options.skipInvalid());
    }
  }

  /** Every date a record gives. */
  static List<LocalDate> dates(Recorded r) {
    List<LocalDate> d = new ArrayList<>();
    switch (r) {
      case Referral x -> d.add(x.date());
      case Assessment x -> {
        d.add(x.start());
        d.add(x.authorised());
      }
      case Enquiry x -> {
        d.add(x.start());
        d.add(x.icpc());
      }
      case ChildInNeed x -> {
        d.add(x.start());
        d.add(x.lastSeen());
        d.add(x.closed());
      }
      case ProtectionPlan x -> {
        d.add(x.start());
        d.add(x.lastVisit());
        d.addAll(x.reviews());
        d.add(x.end());
      }
      case Records.MeasuredFrom x -> d.add(x.start());
      case InCare x -> {
        d.add(x.start());
        d.add(x.lastVisit());
        d.add(x.ceased());
      }
    }
    d.removeIf(java.util.Objects::isNull);
    return d;
  }

  /**
   * A header as compared: lower case, punctuation and spacing (non-breaking too) made single
   * spaces.
   */
  static String normalHeader(String header) {
    return header
        .replace('\u00a0', ' ')
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", " ")
        .strip();
  }
}
