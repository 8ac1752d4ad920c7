package org.safeload.workforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;
import org.safeload.workforce.WorkforceCensus.Figures;
import org.safeload.workforce.WorkforceCensus.Member;
import org.safeload.workforce.WorkforceCensus.Post;

/**
 * The Department for Education's children's social work workforce census return (CSWW XML, the
 * shape of the Department's 2022 schema; docs/workforce.md): written from a register and its
 * establishment, and read back into council-level {@link Figures} (the census has no teams).
 *
 * <p>Written: a {@code Header} (collection {@code CSWW}, the year, the reference date, the LEA
 * code), one {@code LALevelVacancies} (the council's vacancies, and the FTE and headcount of agency
 * workers covering them) and one {@code CSWWWorker} for each social worker, advanced practitioner
 * and team manager employed or supplied by an agency (managed teams included) at any time in the
 * year: {@code AgencyWorker}, {@code SWENo} (as held), {@code FTE}, {@code OrgRole} ({@link
 * #orgRole}), {@code RoleStartDate}, {@code RoleEndDate} (a worker whose last day is in the year),
 * {@code FTE30} (the FTE of a worker in post at the year end), and {@code Cases30} and {@code
 * WorkingDaysLost} when known. Fields Safeload does not hold (birth date, gender, ethnicity,
 * qualification, origin and destination) are left out. The council's establishment, which the
 * census does not carry, is written as the processing instruction {@code <?safeload-establishment
 * 9.00?>}, which the Department's tools ignore.
 *
 * <p>Read: with no DTD and no external entities (a DOCTYPE is refused), streaming; every problem
 * names the line and the element. The council's figures ({@link Return#figures()}): in post, a
 * worker whose {@code RoleStartDate} is absent or on or before the reference date and whose {@code
 * RoleEndDate} is absent or after it, at {@code FTE30} (else {@code FTE}); starters and leavers,
 * employed workers whose start or end date is in the year, at {@code FTE}; the vacancies and agency
 * cover as given; the establishment from the processing instruction if there is one, else the
 * vacancies plus the employed FTE in post (the posts the census implies).
 */
public final class CswwXml {

  /** The processing instruction's target that carries Safeload's establishment FTE. */
  public static final String ESTABLISHMENT_PI = "safeload-establishment";

  private static final BigDecimal MAX_COUNCIL_FTE = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal MAX_DAYS_LOST = BigDecimal.valueOf(366);
  private static final int MAX_NUMBER_LENGTH = 30;
  private static final int MAX_TEXT = 1000;
  private static final Pattern LEA = Pattern.compile("\\d{3}");

  private CswwXml() {}

  /** What the council knows of a worker's year beyond the register: either may be null. */
  public record Activity(Integer casesAt30September, BigDecimal workingDaysLost) {
    public static final Activity NONE = new Activity(null, null);
  }

  /**
   * The census's {@code OrgRole} for a role: team manager 3 (first line manager), advanced
   * practitioner 4 (senior practitioner), social worker 5 (case holder). Safeload holds no senior
   * or middle managers (1, 2) and does not use 6 (qualified without cases).
   */
  public static int orgRole(Role role) {
    return switch (role) {
      case TEAM_MANAGER -> 3;
      case ADVANCED_PRACTITIONER -> 4;
      case SOCIAL_WORKER -> 5;
      default -> throw new IllegalArgumentException("The census does not count " + role.code());
    };
  }

  /** Whether a worker appears in the year's return: a counted role, present on any day of it. */
  public static boolean inReturn(WorkerDetails w, LocalDate yearEnd) {
    return WorkforceCensus.COUNTED.contains(w.role())
        && !w.startDate().isAfter(yearEnd)
        && (w.endDate() == null || !w.endDate().isBefore(WorkforceCensus.yearStart(yearEnd)));
  }

  /**
   * Writes the return for the year ending {@code yearEnd}.
   *
   * @param lea the council's three-digit local authority code
   * @param activity each member's cases and days lost ({@link Activity#NONE} when not known)
   */
  public static void write(
      Writer out,
      LocalDate yearEnd,
      String lea,
      Collection<Member> members,
      Collection<Post> posts,
      Function<Member, Activity> activity) {
    if (lea == null || !LEA.matcher(lea).matches()) {
      throw new IllegalArgumentException("The LEA code must be three digits");
    }
    WorkforceCensus.Result result = WorkforceCensus.of(yearEnd, members, posts);
    Figures council = result.council();
    int coverHeadcount = WorkforceCensus.agencyCoverHeadcount(yearEnd, members, posts);
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      Indent in = new Indent(x);
      in.start("Message", 0);
      in.start("Header", 1);
      in.start("CollectionDetails", 2);
      in.leaf("Collection", "CSWW", 3);
      in.leaf("Year", String.valueOf(yearEnd.getYear()), 3);
      in.leaf("ReferenceDate", yearEnd.toString(), 3);
      in.end(2);
      in.start("Source", 2);
      in.leaf("SourceLevel", "L", 3);
      in.leaf("LEA", lea, 3);
      in.leaf("SoftwareCode", "Safeload", 3);
      in.end(2);
      in.end(1);
      x.writeCharacters("\n  ");
      x.writeProcessingInstruction(ESTABLISHMENT_PI, two(council.establishmentFte()));
      in.start("LALevelVacancies", 1);
      in.leaf("NumberOfVacancies", two(council.vacancyFte()), 2);
      in.leaf("NoAgencyFTE", two(council.agencyCoverFte()), 2);
      in.leaf("NoAgencyHeadcount", String.valueOf(coverHeadcount), 2);
      in.end(1);
      for (Member m : members) {
        WorkerDetails w = m.worker();
        if (!inReturn(w, yearEnd)) {
          continue;
        }
        Activity a = activity.apply(m);
        in.start("CSWWWorker", 1);
        in.leaf("AgencyWorker", WorkforceCensus.employed(w.employmentType()) ? "0" : "1", 2);
        in.leaf("SWENo", w.sweRegistration() == null ? "" : w.sweRegistration(), 2);
        in.leaf("FTE", six(w.fte()), 2);
        in.leaf("OrgRole", String.valueOf(orgRole(w.role())), 2);
        in.leaf("RoleStartDate", w.startDate().toString(), 2);
        if (w.endDate() != null && !w.endDate().isAfter(yearEnd)) {
          in.leaf("RoleEndDate", w.endDate().toString(), 2);
        }
        if (WorkforceCensus.inPost(w, yearEnd)) {
          in.leaf("FTE30", six(w.fte()), 2);
        }
        if (a != null && a.casesAt30September() != null) {
          in.leaf("Cases30", String.valueOf(a.casesAt30September()), 2);
        }
        if (a != null && a.workingDaysLost() != null) {
          in.leaf("WorkingDaysLost", two(a.workingDaysLost()), 2);
        }
        in.end(1);
      }
      in.end(0);
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write the census return", e);
    }
  }

  private static String two(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static String six(BigDecimal value) {
    return value.setScale(6, RoundingMode.HALF_UP).toPlainString();
  }

  /** Writes elements one a line, indented by two spaces a level. */
  private static final class Indent {
    private final XMLStreamWriter x;

    Indent(XMLStreamWriter x) {
      this.x = x;
    }

    void start(String name, int level) throws XMLStreamException {
      x.writeCharacters("\n" + "  ".repeat(level));
      x.writeStartElement(name);
    }

    void leaf(String name, String text, int level) throws XMLStreamException {
      x.writeCharacters("\n" + "  ".repeat(level));
      x.writeStartElement(name);
      x.writeCharacters(text);
      x.writeEndElement();
    }

    void end(int level) throws XMLStreamException {
      x.writeCharacters("\n" + "  ".repeat(level));
      x.writeEndElement();
    }
  }

  // --- Reading -------------------------------------------------------------------------------

  /** One {@code CSWWWorker} as the return gives it (the elements Safeload reads); line of start. */
  public record ReturnWorker(
      int line,
      boolean agency,
      String sweNumber,
      BigDecimal fte,
      BigDecimal fteAt30September,
      Integer orgRole,
      LocalDate roleStartDate,
      LocalDate roleEndDate,
      Integer casesAt30September,
      BigDecimal workingDaysLost) {

    /** In post at the end of the reference date (started by then, or no start given; not left). */
    public boolean inPost(LocalDate on) {
      return (roleStartDate == null || !roleStartDate.isAfter(on))
          && (roleEndDate == null || roleEndDate.isAfter(on));
    }
  }

  /**
   * A read return: the reference date (the census year's last day), the LEA code, the council's
   * vacancies and agency cover, the establishment if Safeload wrote it (else null), and the
   * workers.
   */
  public record Return(
      LocalDate referenceDate,
      String lea,
      BigDecimal vacancyFte,
      BigDecimal agencyCoverFte,
      int agencyCoverHeadcount,
      BigDecimal establishmentFte,
      List<ReturnWorker> workers) {

    /** The council-level figures (docs/workforce.md, "The census return"). */
    public Figures figures() {
      LocalDate yearEnd = referenceDate;
      LocalDate yearStart = WorkforceCensus.yearStart(yearEnd);
      BigDecimal inPost = BigDecimal.ZERO;
      int inPostHeads = 0;
      BigDecimal agency = BigDecimal.ZERO;
      int agencyHeads = 0;
      BigDecimal starters = BigDecimal.ZERO;
      BigDecimal leavers = BigDecimal.ZERO;
      for (ReturnWorker w : workers) {
        if (w.inPost(yearEnd)) {
          BigDecimal at30 = w.fteAt30September() != null ? w.fteAt30September() : w.fte();
          if (w.agency()) {
            agency = agency.add(at30);
            agencyHeads++;
          } else {
            inPost = inPost.add(at30);
            inPostHeads++;
          }
        }
        if (!w.agency() && within(w.roleStartDate(), yearStart, yearEnd)) {
          starters = starters.add(w.fte());
        }
        if (!w.agency() && within(w.roleEndDate(), yearStart, yearEnd)) {
          leavers = leavers.add(w.fte());
        }
      }
      BigDecimal establishment =
          establishmentFte != null ? establishmentFte : vacancyFte.add(inPost);
      return new Figures(
          yearStart,
          yearEnd,
          inPost,
          inPostHeads,
          agency,
          agencyHeads,
          establishment,
          vacancyFte,
          agencyCoverFte,
          starters,
          leavers);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
      return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
  }

  /** The return, or the problems (never both). */
  public record Result(Return census, List<FieldProblem> problems) {}

  private static final XMLInputFactory INPUT = secureFactory();

  private static XMLInputFactory secureFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    // Problems come back as problems, never printed by the parser.
    f.setXMLReporter((message, type, info, location) -> {});
    return f;
  }

  /** Reads a return: UTF-8 bytes (a byte order mark is allowed). */
  public static Result read(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      return new Result(null, List.of(new FieldProblem(0, "", "Could not read the file")));
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(buffer)
              .toString();
    } catch (CharacterCodingException e) {
      int at = buffer.position();
      int lines = 1;
      for (int i = 0; i < at && i < bytes.length; i++) {
        lines += bytes[i] == '\n' ? 1 : 0;
      }
      return new Result(
          null, List.of(new FieldProblem(lines, "", "Not UTF-8 text: the file must be UTF-8")));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return read(text);
  }

  /** Reads a return from its text. */
  public static Result read(String xml) {
    Parse p = new Parse();
    boolean readToTheEnd = false;
    XMLStreamReader x = null;
    try {
      x = INPUT.createXMLStreamReader(new StringReader(xml));
      p.run(x);
      readToTheEnd = true;
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      p.problems.add(
          new FieldProblem(
              at == null ? 0 : Math.max(0, at.getLineNumber()),
              p.stack.isEmpty() ? "" : p.stack.peek(),
              "Not well-formed XML: " + cause(e)));
    } catch (RuntimeException e) {
      // The JDK's parser signals some broken input (bad bytes, bad characters) this way.
      p.problems.add(
          new FieldProblem(
              p.line,
              p.stack.isEmpty() ? "" : p.stack.peek(),
              "Not readable XML: " + (e.getMessage() == null ? "broken input" : e.getMessage())));
    } finally {
      if (x != null) {
        try {
          x.close();
        } catch (XMLStreamException | RuntimeException ignored) {
          // Nothing more to read.
        }
      }
    }
    if (readToTheEnd) {
      p.finish();
    }
    if (!p.problems.isEmpty()) {
      return new Result(null, List.copyOf(p.problems));
    }
    return new Result(
        new Return(
            p.referenceDate,
            p.lea,
            p.vacancies,
            p.coverFte,
            p.coverHeadcount,
            p.establishment,
            List.copyOf(p.workers)),
        List.of());
  }

  private static String cause(XMLStreamException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    int i = message.indexOf("Message: ");
    String text = i >= 0 ? message.substring(i + "Message: ".length()) : message;
    text = text.strip();
    return text.isEmpty() ? "broken input" : text;
  }

  /** One pass over the document. */
  private static final class Parse {
    final List<FieldProblem> problems = new ArrayList<>();
    final Deque<String> stack = new ArrayDeque<>();
    final List<ReturnWorker> workers = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    int line;
    boolean tooLong;
    LocalDate referenceDate;
    String lea;
    boolean vacanciesSeen;
    int vacanciesLine;
    BigDecimal vacancies;
    BigDecimal coverFte;
    Integer coverHeadcountOrNull;
    int coverHeadcount;
    BigDecimal establishment;
    int establishmentLine;
    WorkerFields worker;
    boolean root;

    void run(XMLStreamReader x) throws XMLStreamException {
      while (x.hasNext()) {
        int event = x.next();
        line = Math.max(0, x.getLocation().getLineNumber());
        switch (event) {
          case XMLStreamConstants.DTD ->
              throw new XMLStreamException(
                  "Message: A DOCTYPE is not allowed in a census return", x.getLocation());
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new XMLStreamException(
                  "Message: Entity references are not allowed", x.getLocation());
          case XMLStreamConstants.START_ELEMENT -> start(x.getLocalName());
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> characters(x);
          case XMLStreamConstants.END_ELEMENT -> end(x.getLocalName());
          case XMLStreamConstants.PROCESSING_INSTRUCTION ->
              instruction(x.getPITarget(), x.getPIData());
          default -> {
            // Comments, white space and the document's start and end carry nothing.
          }
        }
      }
    }

    private void characters(XMLStreamReader x) {
      if (text.length() + x.getTextLength() > MAX_TEXT) {
        tooLong = true;
        return;
      }
      text.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
    }

    private void instruction(String target, String data) {
      if (!ESTABLISHMENT_PI.equals(target)) {
        return;
      }
      establishmentLine = line;
      establishment = decimal(line, ESTABLISHMENT_PI, data == null ? "" : data.strip(), 2, null);
    }

    private void start(String name) {
      String parent = stack.peek();
      stack.push(name);
      text.setLength(0);
      tooLong = false;
      if (parent == null) {
        root = true;
        if (!name.equals("Message")) {
          problems.add(
              new FieldProblem(
                  line, name, "The root element must be Message, as in a CSWW return"));
        }
        return;
      }
      if (parent.equals("Message") && name.equals("CSWWWorker")) {
        worker = new WorkerFields(line);
      } else if (parent.equals("Message") && name.equals("LALevelVacancies")) {
        if (vacanciesSeen) {
          problems.add(new FieldProblem(line, name, "Only one LALevelVacancies is allowed"));
        }
        vacanciesSeen = true;
        vacanciesLine = line;
      }
    }

    private void end(String name) {
      stack.pop();
      String parent = stack.peek();
      String value = text.toString().strip();
      boolean longText = tooLong;
      text.setLength(0);
      tooLong = false;
      if (parent == null) {
        return;
      }
      if (longText) {
        problems.add(new FieldProblem(line, name, "Must be " + MAX_TEXT + " characters or fewer"));
        return;
      }
      switch (parent) {
        case "CollectionDetails" -> {
          if (name.equals("ReferenceDate")) {
            referenceDate = date(line, name, value);
          }
        }
        case "Source" -> {
          if (name.equals("LEA")) {
            if (LEA.matcher(value).matches()) {
              lea = value;
            } else {
              problems.add(
                  new FieldProblem(line, name, "Must be three digits (not " + value + ")"));
            }
          }
        }
        case "LALevelVacancies" -> {
          switch (name) {
            case "NumberOfVacancies" -> vacancies = decimal(line, name, value, 2, MAX_COUNCIL_FTE);
            case "NoAgencyFTE" -> coverFte = decimal(line, name, value, 2, MAX_COUNCIL_FTE);
            case "NoAgencyHeadcount" -> coverHeadcountOrNull = count(line, name, value);
            default -> {
              // Not part of the return's vacancies.
            }
          }
        }
        case "CSWWWorker" -> {
          if (worker != null && stack.size() == 2) {
            worker.field(name, value, line, this);
          }
        }
        case "Message" -> {
          if (name.equals("CSWWWorker") && worker != null) {
            worker.finish(this).ifPresent(workers::add);
            worker = null;
          } else if (name.equals("LALevelVacancies")) {
            for (String required : List.of("NumberOfVacancies", "NoAgencyFTE")) {
              if ((required.equals("NumberOfVacancies") ? vacancies : coverFte) == null
                  && noProblemAbout(required)) {
                problems.add(
                    new FieldProblem(line, required, "LALevelVacancies must give " + required));
              }
            }
            if (coverHeadcountOrNull == null && noProblemAbout("NoAgencyHeadcount")) {
              problems.add(
                  new FieldProblem(
                      line, "NoAgencyHeadcount", "LALevelVacancies must give NoAgencyHeadcount"));
            }
          }
        }
        default -> {
          // Elements Safeload does not read.
        }
      }
    }

    private boolean noProblemAbout(String field) {
      return problems.stream().noneMatch(p -> p.field().equals(field));
    }

    void finish() {
      if (!root) {
        problems.add(new FieldProblem(0, "Message", "The file has no Message"));
        return;
      }
      if (referenceDate == null) {
        problems.add(
            new FieldProblem(
                0,
                "ReferenceDate",
                "The Header's CollectionDetails must give the ReferenceDate (the census year's"
                    + " last day)"));
      }
      if (lea == null) {
        problems.add(new FieldProblem(0, "LEA", "The Header's Source must give the LEA code"));
      }
      if (!vacanciesSeen) {
        problems.add(
            new FieldProblem(0, "LALevelVacancies", "The return must have its LALevelVacancies"));
      }
      if (vacancies != null && coverFte != null && coverFte.compareTo(vacancies) > 0) {
        problems.add(
            new FieldProblem(
                vacanciesLine,
                "NoAgencyFTE",
                "Agency workers covering vacancies ("
                    + coverFte.toPlainString()
                    + ") cannot be more than the vacancies ("
                    + vacancies.toPlainString()
                    + ")"));
      }
      if (establishment != null && vacancies != null && establishment.compareTo(vacancies) < 0) {
        problems.add(
            new FieldProblem(
                establishmentLine,
                ESTABLISHMENT_PI,
                "The establishment cannot be less than the vacancies"));
      }
      if (coverHeadcountOrNull != null) {
        coverHeadcount = coverHeadcountOrNull;
      }
    }

    LocalDate date(int at, String name, String value) {
      try {
        LocalDate d = LocalDate.parse(value);
        if (d.getYear() < 1900 || d.getYear() > 2100) {
          problems.add(
              new FieldProblem(at, name, "Must be between 1900 and 2100 (not " + value + ")"));
          return null;
        }
        return d;
      } catch (DateTimeParseException e) {
        problems.add(
            new FieldProblem(
                at, name, "Must be a date like 2025-09-30 (not " + shown(value) + ")"));
        return null;
      }
    }

    BigDecimal decimal(int at, String name, String value, int places, BigDecimal max) {
      BigDecimal d = null;
      if (value.length() <= MAX_NUMBER_LENGTH && !value.isEmpty()) {
        try {
          d = new BigDecimal(value);
        } catch (NumberFormatException e) {
          d = null;
        }
      }
      if (d == null
          || value.indexOf('e') >= 0
          || value.indexOf('E') >= 0
          || value.startsWith("+")) {
        problems.add(
            new FieldProblem(at, name, "Must be a number like 1.5 (not " + shown(value) + ")"));
        return null;
      }
      if (d.signum() < 0 || (max != null && d.compareTo(max) > 0)) {
        problems.add(
            new FieldProblem(
                at,
                name,
                "Must be at least 0"
                    + (max == null ? "" : " and at most " + max.toPlainString())
                    + " (not "
                    + value
                    + ")"));
        return null;
      }
      if (d.stripTrailingZeros().scale() > places) {
        problems.add(
            new FieldProblem(
                at, name, "Must have at most " + places + " decimal places (not " + value + ")"));
        return null;
      }
      return d;
    }

    Integer count(int at, String name, String value) {
      if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
        problems.add(
            new FieldProblem(
                at, name, "Must be a whole number of at least 0 (not " + shown(value) + ")"));
        return null;
      }
      return Integer.parseInt(value);
    }

    private static String shown(String value) {
      return value.isEmpty() ? "empty" : value;
    }
  }

  /** A {@code CSWWWorker}'s elements as they are read. */
  private static final class WorkerFields {
    private static final Set<String> ONCE =
        Set.of(
            "AgencyWorker",
            "SWENo",
            "FTE",
            "OrgRole",
            "RoleStartDate",
            "RoleEndDate",
            "FTE30",
            "Cases30",
            "WorkingDaysLost");
    private static final BigDecimal MAX_FTE = BigDecimal.ONE;

    final int line;
    final Set<String> seen = new HashSet<>();
    final Map<String, Integer> lines = new HashMap<>();
    int problemsBefore = -1;
    Boolean agency;
    String swe;
    BigDecimal fte;
    BigDecimal fte30;
    Integer orgRole;
    LocalDate start;
    LocalDate end;
    Integer cases;
    BigDecimal daysLost;

    WorkerFields(int line) {
      this.line = line;
    }

    void field(String name, String value, int at, Parse p) {
      if (problemsBefore < 0) {
        problemsBefore = p.problems.size();
      }
      if (!ONCE.contains(name)) {
        return;
      }
      if (!seen.add(name)) {
        p.problems.add(
            new FieldProblem(at, name, "Appears more than once in the CSWWWorker of line " + line));
        return;
      }
      lines.put(name, at);
      switch (name) {
        case "AgencyWorker" -> {
          if (value.equals("0") || value.equals("1")) {
            agency = value.equals("1");
          } else {
            p.problems.add(
                new FieldProblem(at, name, "Must be 0 or 1 (not " + Parse.shown(value) + ")"));
          }
        }
        case "SWENo" -> swe = value;
        case "FTE" -> fte = p.decimal(at, name, value, 6, MAX_FTE);
        case "FTE30" -> fte30 = p.decimal(at, name, value, 6, MAX_FTE);
        case "OrgRole" -> {
          if (value.length() == 1 && value.charAt(0) >= '1' && value.charAt(0) <= '6') {
            orgRole = value.charAt(0) - '0';
          } else {
            p.problems.add(
                new FieldProblem(
                    at, name, "Must be a code from 1 to 6 (not " + Parse.shown(value) + ")"));
          }
        }
        case "RoleStartDate" -> start = p.date(at, name, value);
        case "RoleEndDate" -> end = p.date(at, name, value);
        case "Cases30" -> cases = p.count(at, name, value);
        case "WorkingDaysLost" -> daysLost = p.decimal(at, name, value, 2, MAX_DAYS_LOST);
        default -> {
          // Not read.
        }
      }
    }

    Optional<ReturnWorker> finish(Parse p) {
      int before = p.problems.size();
      for (String required : List.of("AgencyWorker", "SWENo", "FTE")) {
        if (!seen.contains(required)) {
          p.problems.add(new FieldProblem(line, required, "The CSWWWorker must give " + required));
        }
      }
      if (start != null && end != null && end.isBefore(start)) {
        p.problems.add(
            new FieldProblem(
                lines.getOrDefault("RoleEndDate", line),
                "RoleEndDate",
                "Must be on or after the RoleStartDate (" + start + ")"));
      }
      if (p.problems.size() != before
          || (problemsBefore >= 0 && p.problems.size() != problemsBefore)
          || agency == null
          || fte == null) {
        return Optional.empty();
      }
      return Optional.of(
          new ReturnWorker(
              line,
              agency,
              swe == null || swe.isEmpty() ? null : swe,
              fte,
              fte30,
              orgRole,
              start,
              end,
              cases,
              daysLost));
    }
  }
}
