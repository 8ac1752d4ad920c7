package org.safeload.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.safeload.extract.Records.Assessment;
import org.safeload.extract.Records.ChildInNeed;
import org.safeload.extract.Records.Enquiry;
import org.safeload.extract.Records.ProtectionPlan;
import org.safeload.extract.Records.Recorded;
import org.safeload.extract.Records.Referral;
import org.safeload.extract.Records.Source;
import org.safeload.timeliness.ChildCsv;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The children in need census return (the Department for Education's XML) read as case activity
 * (docs/annex-a.md, "Children in need census").
 *
 * <p>The file is checked against the Department's schema ({@code cin-census-2024.xsd}, beside this
 * class) as it streams through a SAX parser, with no DTD, no external entities and no external
 * schema; a file that breaks the schema is refused whole, with each of the schema's messages and
 * its line ({@code --skip-invalid} does not apply: the file is not a census return). A file that
 * follows it is mapped: each {@code CINdetails} is one case, whose episode starts at its {@code
 * CINreferralDate}; the records go to {@link CaseEpisodes#map}, the one mapping to events. Every
 * date read from a {@code CINdetails} must be in the working calendar ({@link
 * CaseEpisodes#outsideCalendar}); one that is not is a problem naming its line and element, and its
 * {@code CINdetails} is refused, or with {@code skipInvalid} skipped.
 *
 * <p>What is read: {@code CINreferralDate} a referral ({@code ReferralNFA} true or 1: closed that
 * day); each {@code Assessments} an assessment ({@code AssessmentActualStartDate}, completed on its
 * {@code AssessmentAuthorisationDate}); each {@code CINPlanDates} a child in need period from its
 * {@code CINPlanStartDate}; each {@code Section47} an enquiry ({@code S47ActualStartDate} the
 * strategy discussion, {@code ICPCnotRequired}, {@code DateOfInitialCPC}); each {@code
 * ChildProtectionPlans} a plan ({@code CPPstartDate}, every {@code CPPreviewDate}, {@code
 * CPPendDate}); {@code CINclosureDate} closes the case, carried by the last-starting CIN plan (or,
 * when there is none, by a child in need record starting on the closure date; an NFA referral
 * closed that day already is not closed twice). The census names no workers or teams. The children
 * are {@code LAchildID} with {@code PersonBirthDate}.
 */
public final class CinCensus {

  /** What is read, for reports and the rule set's name. */
  public static final String KIND = "Children in need census";

  /** The list code in event ids ({@code CIN-<child>-<column>-<date>}). */
  public static final String CODE = "CIN";

  /** The schema, a resource beside this class (liia-tools, MIT: LICENSE-liia-tools.txt). */
  public static final String SCHEMA_RESOURCE = "cin-census-2024.xsd";

  /** The schema problems listed before the rest are counted only. */
  static final int MAX_SCHEMA_PROBLEMS = 1000;

  private static final int MAX_TEXT = 1000;
  private static final int MAX_ID = 64;
  private static final Pattern DATE =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:Z|[+-]\\d{2}:\\d{2})?");

  private static final Schema SCHEMA = schema();

  /** The statutory rules the census cannot measure, with the reason. */
  public static final Map<String, String> NOT_MEASURED = notMeasured();

  private CinCensus() {}

  private static Map<String, String> notMeasured() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "referral-decision-1wd",
        "the census holds a referral's date, not when it was decided (no referral decisions)");
    m.put(
        CaseEpisodes.CP_VISITS,
        "the census holds no visits, so no child on a plan could be shown as seen");
    m.put(
        CaseEpisodes.CARE_VISITS,
        "the census holds no children in care (the looked-after children return does)");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Schema schema() {
    try (InputStream in = CinCensus.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The census schema " + SCHEMA_RESOURCE + " is missing");
      }
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return f.newSchema(new StreamSource(in, SCHEMA_RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SAXException e) {
      throw new IllegalStateException("The census schema could not be read", e);
    }
  }

  private static SAXParserFactory parsers() {
    try {
      SAXParserFactory f = SAXParserFactory.newInstance();
      f.setNamespaceAware(true);
      f.setValidating(false);
      f.setXIncludeAware(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      // No DOCTYPE at all: so no entities, internal or external, and no DTD is fetched.
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return f;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("No secure XML parser", e);
    }
  }

  /** Reads a census file (one that cannot be opened is a problem, as a broken one is). */
  public static Extract read(Path file, ExtractOptions options) {
    String name = file.getFileName().toString();
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, name, options);
    } catch (IOException e) {
      return refused(
          name, options, null, List.of(new ExtractProblem(name, 0, "", "could not be read")));
    }
  }

  /**
   * Reads a census return as it streams in.
   *
   * @param fileName the file's name, for reports and problems
   */
  public static Extract read(InputStream in, String fileName, ExtractOptions options) {
    Mapper mapper = new Mapper(fileName);
    List<ExtractProblem> schemaProblems = parse(in, fileName, mapper);
    if (!schemaProblems.isEmpty()) {
      return refused(fileName, options, mapper.referenceDate, schemaProblems);
    }
    return mapper.extract(options);
  }

  /** Nothing read: the file is not a census return (or could not be read). */
  private static Extract refused(
      String fileName,
      ExtractOptions options,
      LocalDate referenceDate,
      List<ExtractProblem> problems) {
    return new Extract(
        KIND,
        fileName,
        options.extractDate() != null ? options.extractDate() : referenceDate,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(
            new ListReport(
                "Census file",
                fileName,
                true,
                0,
                0,
                List.of(),
                List.of(
                    "The file does not follow the census schema ("
                        + SCHEMA_RESOURCE
                        + "): nothing is read, whatever --skip-invalid says."))),
        problems,
        List.of(),
        NOT_MEASURED,
        false);
  }

  /**
   * The file's problems against the census schema (and as XML), each with its line, the element and
   * the schema's message; empty when it follows the schema.
   */
  public static List<ExtractProblem> validate(InputStream in, String fileName) {
    return parse(in, fileName, new DefaultHandler());
  }

  /** Streams the file through the schema into a handler; returns the schema's problems. */
  private static List<ExtractProblem> parse(InputStream in, String fileName, ContentHandler into) {
    Problems problems = new Problems(fileName);
    try {
      // A factory a read: the JDK does not promise that one may be shared by threads.
      XMLReader reader = parsers().newSAXParser().getXMLReader();
      ValidatorHandler validator = SCHEMA.newValidatorHandler();
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setErrorHandler(problems);
      validator.setContentHandler(into);
      reader.setErrorHandler(problems);
      reader.setContentHandler(new Front(validator, problems, into));
      reader.parse(new InputSource(in));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("No secure XML parser", e);
    } catch (SAXParseException e) {
      // Already listed by the error handler (not well-formed XML), or too many problems.
    } catch (SAXException e) {
      problems.add(problems.line(), problems.element, "not readable XML: " + message(e));
    } catch (IOException e) {
      // Bytes that are not text in the file's encoding, or the stream broke.
      problems.add(problems.line(), problems.element, "not readable as XML text: " + message(e));
    }
    return problems.list;
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? "broken input" : e.getMessage().strip();
  }

  /** The schema's and the parser's problems, with the element being read. */
  private static final class Problems implements ErrorHandler {
    final String file;
    final List<ExtractProblem> list = new ArrayList<>();
    String element = "";
    Locator locator;
    int more;

    int line() {
      return locator == null ? 0 : locator.getLineNumber();
    }

    Problems(String file) {
      this.file = file;
    }

    void add(int line, String column, String reason) {
      if (list.size() < MAX_SCHEMA_PROBLEMS) {
        list.add(new ExtractProblem(file, Math.max(0, line), column, reason));
      } else {
        more++;
      }
    }

    @Override
    public void warning(SAXParseException e) {
      // Warnings do not stop a return.
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      add(e.getLineNumber(), element, message(e));
      if (more > 0) {
        list.add(
            new ExtractProblem(
                file,
                0,
                "",
                "more than "
                    + MAX_SCHEMA_PROBLEMS
                    + " problems: the rest are not listed; put these right first"));
        throw e;
      }
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      add(e.getLineNumber(), element, "not well-formed XML: " + message(e));
      throw e;
    }
  }

  /**
   * Passes the parser's events to the schema's validator, noting the element each one is about (so
   * a schema problem names it) and the parser's position for the mapper.
   */
  private static final class Front extends DefaultHandler {
    private final ValidatorHandler next;
    private final Problems problems;
    private final ContentHandler mapper;

    Front(ValidatorHandler next, Problems problems, ContentHandler mapper) {
      this.next = next;
      this.problems = problems;
      this.mapper = mapper;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      problems.locator = locator;
      next.setDocumentLocator(locator);
      mapper.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
      next.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
      next.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
      next.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
      next.endPrefixMapping(prefix);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts)
        throws SAXException {
      problems.element = localName;
      next.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      problems.element = localName;
      next.endElement(uri, localName, qName);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      next.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
      next.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
      next.processingInstruction(target, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
      next.skippedEntity(name);
    }
  }

  /** A date as the return gives it, with its line and element. */
  private record Dated(LocalDate date, int line, String element) {}

  private static final class AssessmentFields {
    final int line;
    Dated start;
    Dated authorised;

    AssessmentFields(int line) {
      this.line = line;
    }
  }

  private static final class PlanFields {
    final int line;
    Dated start;

    PlanFields(int line) {
      this.line = line;
    }
  }

  private static final class EnquiryFields {
    final int line;
    Dated start;
    Dated icpc;
    boolean notRequired;

    EnquiryFields(int line) {
      this.line = line;
    }
  }

  private static final class ProtectionFields {
    final int line;
    Dated start;
    Dated end;
    final List<Dated> reviews = new ArrayList<>();

    ProtectionFields(int line) {
      this.line = line;
    }
  }

  /** One {@code CINdetails} as it is read. */
  private static final class EpisodeFields {
    final int line;
    Dated referral;
    Dated closure;
    Dated icpc; // the episode-level DateOfInitialCPC, for the report only
    boolean nfa;
    final List<AssessmentFields> assessments = new ArrayList<>();
    final List<PlanFields> plans = new ArrayList<>();
    final List<EnquiryFields> enquiries = new ArrayList<>();
    final List<ProtectionFields> protections = new ArrayList<>();
    final List<ExtractProblem> problems = new ArrayList<>();

    EpisodeFields(int line) {
      this.line = line;
    }

    /** Every date read from it into a record. */
    List<Dated> dates() {
      List<Dated> all = new ArrayList<>();
      all.add(referral);
      all.add(closure);
      for (AssessmentFields a : assessments) {
        all.add(a.start);
        all.add(a.authorised);
      }
      plans.forEach(p -> all.add(p.start));
      for (EnquiryFields q : enquiries) {
        all.add(q.start);
        all.add(q.icpc);
      }
      for (ProtectionFields p : protections) {
        all.add(p.start);
        all.addAll(p.reviews);
        all.add(p.end);
      }
      all.removeIf(d -> d == null || d.date() == null);
      all.sort(java.util.Comparator.comparingInt(Dated::line));
      return all;
    }
  }

  /** One {@code Child} as it is read. */
  private static final class ChildFields {
    final int line;
    String id;
    int idLine;
    LocalDate born;
    final List<EpisodeFields> episodes = new ArrayList<>();
    final List<ExtractProblem> problems = new ArrayList<>();

    ChildFields(int line) {
      this.line = line;
    }
  }

  /** Gathers the return's children and episodes from the validated stream. */
  private static final class Mapper extends DefaultHandler {
    final String file;
    final Deque<String> stack = new ArrayDeque<>();
    final StringBuilder text = new StringBuilder();
    Locator locator;
    LocalDate referenceDate;
    final List<ChildFields> children = new ArrayList<>();
    ChildFields child;
    EpisodeFields episode;
    AssessmentFields assessment;
    PlanFields plan;
    EnquiryFields enquiry;
    ProtectionFields protection;

    Mapper(String file) {
      this.file = file;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    int line() {
      return locator == null ? 0 : Math.max(0, locator.getLineNumber());
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      stack.push(localName);
      text.setLength(0);
      int line = line();
      switch (localName) {
        case "Child" -> {
          child = new ChildFields(line);
          children.add(child);
        }
        case "CINdetails" -> {
          episode = new EpisodeFields(line);
          if (child != null) {
            child.episodes.add(episode);
          }
        }
        case "Assessments" -> {
          assessment = new AssessmentFields(line);
          if (episode != null) {
            episode.assessments.add(assessment);
          }
        }
        case "CINPlanDates" -> {
          plan = new PlanFields(line);
          if (episode != null) {
            episode.plans.add(plan);
          }
        }
        case "Section47" -> {
          enquiry = new EnquiryFields(line);
          if (episode != null) {
            episode.enquiries.add(enquiry);
          }
        }
        case "ChildProtectionPlans" -> {
          protection = new ProtectionFields(line);
          if (episode != null) {
            episode.protections.add(protection);
          }
        }
        default -> {
          // Read at its end, or not read.
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (text.length() + length <= MAX_TEXT) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      stack.pop();
      String parent = stack.isEmpty() ? "" : stack.peek();
      String value = text.toString().strip();
      text.setLength(0);
      int line = line();
      switch (parent) {
        case "CollectionDetails" -> {
          if (localName.equals("ReferenceDate")) {
            Dated d = date(value, line, localName, (List<ExtractProblem>) null);
            referenceDate = d == null ? null : d.date();
          }
        }
        case "ChildIdentifiers" -> {
          if (child == null) {
            return;
          }
          if (localName.equals("LAchildID")) {
            child.idLine = line;
            if (value.length() > MAX_ID) {
              child.problems.add(
                  new ExtractProblem(
                      file, line, localName, "must be " + MAX_ID + " characters or fewer"));
            }
            child.id = value;
          } else if (localName.equals("PersonBirthDate")
              || localName.equals("ExpectedPersonBirthDate")
              || localName.equals("PersonDeathDate")) {
            // Children in need are under 18: a birth (or death) outside the calendar's years is a
            // mistake in the return, and the child's episodes are not read.
            Dated d = date(value, line, localName, child.problems);
            String outside = d == null ? null : CaseEpisodes.outsideCalendar(d.date());
            if (outside != null) {
              child.problems.add(new ExtractProblem(file, line, localName, outside));
            }
            if (localName.equals("PersonBirthDate")) {
              child.born = d == null ? null : d.date();
            }
          }
        }
        case "CINdetails" -> {
          if (episode == null) {
            return;
          }
          switch (localName) {
            case "CINreferralDate" -> episode.referral = date(value, line, localName, episode);
            case "CINclosureDate" -> episode.closure = date(value, line, localName, episode);
            case "DateOfInitialCPC" -> episode.icpc = date(value, line, localName, episode);
            case "ReferralNFA" -> episode.nfa = yes(value);
            default -> {
              // Not read (sources, needs, reasons; the modules end here too).
            }
          }
        }
        case "Assessments" -> {
          if (assessment != null && episode != null) {
            if (localName.equals("AssessmentActualStartDate")) {
              assessment.start = date(value, line, localName, episode);
            } else if (localName.equals("AssessmentAuthorisationDate")) {
              assessment.authorised = date(value, line, localName, episode);
            }
          }
        }
        case "CINPlanDates" -> {
          if (plan != null && episode != null && localName.equals("CINPlanStartDate")) {
            plan.start = date(value, line, localName, episode);
          }
        }
        case "Section47" -> {
          if (enquiry != null && episode != null) {
            switch (localName) {
              case "S47ActualStartDate" -> enquiry.start = date(value, line, localName, episode);
              case "DateOfInitialCPC" -> enquiry.icpc = date(value, line, localName, episode);
              case "ICPCnotRequired" -> enquiry.notRequired = yes(value);
              default -> {
                // The target date is not read.
              }
            }
          }
        }
        case "ChildProtectionPlans" -> {
          if (protection != null && episode != null) {
            if (localName.equals("CPPstartDate")) {
              protection.start = date(value, line, localName, episode);
            } else if (localName.equals("CPPendDate")) {
              protection.end = date(value, line, localName, episode);
            }
          }
        }
        case "Reviews" -> {
          if (protection != null && episode != null && localName.equals("CPPreviewDate")) {
            Dated d = date(value, line, localName, episode);
            if (d != null) {
              protection.reviews.add(d);
            }
          }
        }
        default -> {
          // Not read.
        }
      }
    }

    private Dated date(String value, int line, String element, EpisodeFields into) {
      return date(value, line, element, into.problems);
    }

    /** A date ({@code xs:date}; a time zone, allowed by the schema, is not used). */
    private Dated date(String value, int line, String element, List<ExtractProblem> problems) {
      Matcher m = DATE.matcher(value);
      if (m.matches()) {
        try {
          LocalDate d = LocalDate.parse(m.group(1));
          return new Dated(d, line, element);
        } catch (DateTimeParseException e) {
          // Below.
        }
      }
      if (problems != null) {
        problems.add(
            new ExtractProblem(
                file,
                line,
                element,
                "not a date like 2022-03-31 (" + (value.isEmpty() ? "empty" : value) + ")"));
      }
      return null;
    }

    private static boolean yes(String value) {
      return value.equalsIgnoreCase("true") || value.equals("1");
    }

    /** The case activity of the episodes that could be read. */
    Extract extract(ExtractOptions options) {
      List<ExtractProblem> problems = new ArrayList<>();
      List<Recorded> records = new ArrayList<>();
      Map<String, ChildCsv.Child> born = new LinkedHashMap<>();
      List<String> childNotes = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      List<String> childSkipped = new ArrayList<>();
      List<List<String>> moduleSkipped =
          List.of(
              new ArrayList<>(),
              new ArrayList<>(),
              new ArrayList<>(),
              new ArrayList<>(),
              new ArrayList<>());
      List<String> episodeNotes = new ArrayList<>();
      List<Integer> unusedIcpc = new ArrayList<>();
      int episodes = 0;
      int childrenRead = 0;
      int episodesRead = 0;
      int[] rows = new int[5];
      int[] read = new int[5];
      LocalDate latest = null;
      for (ChildFields c : children) {
        problems.addAll(c.problems);
        boolean anyRead = false;
        for (EpisodeFields e : c.episodes) {
          episodes++;
          count(rows, e);
          List<ExtractProblem> wrong = new ArrayList<>(c.problems);
          wrong.addAll(e.problems);
          for (Dated d : e.dates()) {
            String outside = CaseEpisodes.outsideCalendar(d.date());
            if (outside != null) {
              wrong.add(new ExtractProblem(file, d.line(), d.element(), outside));
            }
          }
          if (e.referral == null && e.problems.isEmpty()) {
            wrong.add(new ExtractProblem(file, e.line, "CINreferralDate", "no referral date"));
          }
          problems.addAll(wrong.subList(c.problems.size(), wrong.size()));
          if (!wrong.isEmpty()) {
            skipped.add(
                "CINdetails at line "
                    + e.line
                    + ": "
                    + String.join(
                        "; ",
                        wrong.stream().map(p -> "line " + p.row() + ", " + p.column()).toList())
                    + " (below)");
            skipModules(moduleSkipped, e);
            continue;
          }
          episodesRead++;
          count(read, e);
          anyRead = true;
          records.addAll(records(c.id, e));
          for (Dated d : e.dates()) {
            latest = latest == null || d.date().isAfter(latest) ? d.date() : latest;
          }
          if (e.icpc != null
              && e.icpc.date() != null
              && e.enquiries.stream()
                  .noneMatch(q -> q.icpc != null && e.icpc.date().equals(q.icpc.date()))) {
            unusedIcpc.add(e.icpc.line());
          }
        }
        if (!anyRead) {
          childSkipped.add("Child at line " + c.line + ": every CINdetails is skipped");
        } else {
          childrenRead++;
          ChildCsv.Child before = born.get(c.id);
          if (before == null) {
            born.put(c.id, new ChildCsv.Child(c.id, c.born, null));
          } else {
            childNotes.add(
                "the Child at line "
                    + c.line
                    + " has the LAchildID of an earlier Child: its episodes are the same child's"
                    + (java.util.Objects.equals(before.dateOfBirth(), c.born)
                        ? ""
                        : ", and the earlier birth date is kept"));
          }
        }
      }
      CaseEpisodes.Mapped mapped = CaseEpisodes.map(records);
      episodeNotes.add(
          "The census names no workers or teams: no case is allocated, and workers.csv and"
              + " teams.csv are empty.");
      if (!unusedIcpc.isEmpty()) {
        episodeNotes.add(
            unusedIcpc.size()
                + " episode-level DateOfInitialCPC dates match no Section47's conference: each is"
                + " written as an initial conference on its own (its enquiry is not in this"
                + " return): lines "
                + lines(unusedIcpc));
      }
      mapped.notes().values().forEach(episodeNotes::addAll);
      LocalDate extractDate =
          options.extractDate() != null
              ? options.extractDate()
              : referenceDate != null ? referenceDate : latest;
      String[] names = {
        "Assessments",
        "CIN plans (CINPlanDates)",
        "Section 47 enquiries (Section47)",
        "Child protection plans (ChildProtectionPlans)",
        "Review conferences (CPPreviewDate)"
      };
      List<ListReport> lists = new ArrayList<>();
      lists.add(
          new ListReport(
              "Children (Child)",
              file,
              true,
              children.size(),
              childrenRead,
              childSkipped,
              childNotes));
      lists.add(
          new ListReport(
              "Episodes (CINdetails)", file, true, episodes, episodesRead, skipped, episodeNotes));
      for (int i = 0; i < names.length; i++) {
        lists.add(
            new ListReport(
                names[i], file, true, rows[i], read[i], moduleSkipped.get(i), List.of()));
      }
      return new Extract(
          KIND,
          file,
          extractDate,
          mapped.events(),
          List.copyOf(born.values()),
          mapped.workers(),
          mapped.teams(),
          lists,
          problems,
          List.of(),
          NOT_MEASURED,
          options.skipInvalid());
    }

    /** The modules of a skipped CINdetails, each as skipped with it. */
    private static void skipModules(List<List<String>> into, EpisodeFields e) {
      String why = ": its CINdetails (line " + e.line + ") is skipped";
      e.assessments.forEach(a -> into.get(0).add("line " + a.line + why));
      e.plans.forEach(p -> into.get(1).add("line " + p.line + why));
      e.enquiries.forEach(q -> into.get(2).add("line " + q.line + why));
      for (ProtectionFields p : e.protections) {
        into.get(3).add("line " + p.line + why);
        p.reviews.forEach(r -> into.get(4).add("line " + r.line() + why));
      }
    }

    private static void count(int[] into, EpisodeFields e) {
      into[0] += e.assessments.size();
      into[1] += e.plans.size();
      into[2] += e.enquiries.size();
      into[3] += e.protections.size();
      into[4] += e.protections.stream().mapToInt(p -> p.reviews.size()).sum();
    }

    private static String lines(List<Integer> lines) {
      Set<String> shown = new LinkedHashSet<>();
      for (int i = 0; i < lines.size() && i < 20; i++) {
        shown.add(String.valueOf(lines.get(i)));
      }
      return String.join(", ", shown) + (lines.size() > 20 ? ", …" : "");
    }

    /** An episode's records, in the order of the return. */
    private List<Recorded> records(String childId, EpisodeFields e) {
      LocalDate episode = e.referral.date();
      List<Recorded> out = new ArrayList<>();
      out.add(new Referral(source(e.referral.line()), childId, episode, e.nfa, "", "", episode));
      for (AssessmentFields a : e.assessments) {
        out.add(
            new Assessment(
                source(a.line),
                childId,
                a.start == null ? episode : a.start.date(),
                a.authorised == null ? null : a.authorised.date(),
                "",
                "",
                episode));
      }
      // The closure rides on the CIN plan that starts last; an NFA referral closed on the same day
      // is closed already.
      LocalDate closure = e.closure == null ? null : e.closure.date();
      if (closure != null && e.nfa && closure.equals(episode)) {
        closure = null;
      }
      PlanFields last = null;
      for (PlanFields p : e.plans) {
        if (p.start != null && (last == null || !p.start.date().isBefore(last.start.date()))) {
          last = p;
        }
      }
      for (PlanFields p : e.plans) {
        if (p.start != null) {
          out.add(
              new ChildInNeed(
                  source(p.line),
                  childId,
                  p.start.date(),
                  null,
                  p == last ? closure : null,
                  "",
                  "",
                  episode));
        }
      }
      for (EnquiryFields q : e.enquiries) {
        if (q.start != null) {
          out.add(
              new Enquiry(
                  source(q.line),
                  childId,
                  q.start.date(),
                  q.notRequired,
                  q.icpc == null ? null : q.icpc.date(),
                  "",
                  "",
                  episode));
        }
      }
      for (ProtectionFields p : e.protections) {
        if (p.start != null) {
          out.add(
              new ProtectionPlan(
                  source(p.line),
                  childId,
                  p.start.date(),
                  null,
                  p.reviews.stream().map(Dated::date).toList(),
                  false,
                  p.end == null ? null : p.end.date(),
                  "",
                  "",
                  episode));
        }
      }
      if (closure != null && last == null) {
        // No CIN plan to carry it: the closure alone.
        out.add(
            new ChildInNeed(
                source(e.closure.line()), childId, null, null, closure, "", "", episode));
      }
      if (e.icpc != null
          && e.icpc.date() != null
          && e.enquiries.stream()
              .noneMatch(q -> q.icpc != null && e.icpc.date().equals(q.icpc.date()))) {
        // A conference whose enquiry is not in this return (an earlier year's): the conference
        // alone, so that the plan's reviews run from it.
        out.add(
            new Enquiry(
                source(e.icpc.line()), childId, null, false, e.icpc.date(), "", "", episode));
      }
      // The census holds a year: an episode referred before it may have had its assessment or
      // conference before it too, so its timescales are measured from the year's start.
      if (referenceDate != null) {
        LocalDate yearStart = referenceDate.minusYears(1).plusDays(1);
        if (episode.isBefore(yearStart)) {
          out.add(
              new Records.MeasuredFrom(
                  source(e.referral.line()),
                  childId,
                  yearStart,
                  List.of("assessment-45wd", "icpc-15wd", "rcpc-3m-then-6m"),
                  episode));
        }
      }
      return out;
    }

    private Source source(int line) {
      return new Source(CODE, file, line, 1);
    }
  }
}
