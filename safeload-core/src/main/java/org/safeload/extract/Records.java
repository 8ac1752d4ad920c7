package org.safeload.extract;

import java.time.LocalDate;
import java.util.List;

/**
 * What a council's own returns say about a child's episode of care, list by list, before it becomes
 * case activity ({@link CaseEpisodes}). The Annex A lists and the children in need census are read
 * into these; team and worker are names as written (blank when not known).
 */
public final class Records {

  private Records() {}

  /**
   * Where a record was read: a list (its short code for event ids, {@code L3}, {@code CIN}), the
   * sheet or file it is in, and its row (the sheet's row number, or the file's line).
   *
   * @param rank which list's worker wins when lists disagree: the lowest rank
   */
  public record Source(String code, String sheet, int row, int rank) {

    /** "List 3, row 12". */
    public String where() {
      return sheet + ", row " + row;
    }
  }

  /** Something recorded about a child, from a list row. */
  public sealed interface Recorded
      permits Referral, Assessment, Enquiry, ChildInNeed, ProtectionPlan, InCare, MeasuredFrom {
    Source source();

    String childId();

    /** The date the record starts (its referral, assessment, enquiry, plan or care start). */
    LocalDate start();

    String team();

    String worker();

    /**
     * The referral date of the episode the record belongs to, when the return says so (the census
     * groups by episode); null when it is worked out from the dates (Annex A).
     */
    LocalDate episode();
  }

  /** A referral (List 3; a census episode's referral). NFA: no further action. */
  public record Referral(
      Source source,
      String childId,
      LocalDate date,
      boolean nfa,
      String team,
      String worker,
      LocalDate episode)
      implements Recorded {
    @Override
    public LocalDate start() {
      return date;
    }
  }

  /** A child and family assessment (List 4), completed when authorised (null while open). */
  public record Assessment(
      Source source,
      String childId,
      LocalDate start,
      LocalDate authorised,
      String team,
      String worker,
      LocalDate episode)
      implements Recorded {}

  /**
   * A section 47 enquiry (List 5): its strategy discussion, whether an initial conference was
   * deemed unnecessary, and the initial conference's date (null when none yet). A return that
   * places it in an episode may give the conference alone (start null): the enquiry was before it.
   */
  public record Enquiry(
      Source source,
      String childId,
      LocalDate start,
      boolean icpcNotNeeded,
      LocalDate icpc,
      String team,
      String worker,
      LocalDate episode)
      implements Recorded {}

  /**
   * A child in need period (List 6): start, the last time the child was seen, closure. A return
   * that places it in an episode may give the closure alone (start null).
   */
  public record ChildInNeed(
      Source source,
      String childId,
      LocalDate start,
      LocalDate lastSeen,
      LocalDate closed,
      String team,
      String worker,
      LocalDate episode)
      implements Recorded {}

  /**
   * A child protection plan (List 7): start, the last statutory visit, its review conferences, end.
   *
   * @param latestOnly the return holds only the latest visit and review (Annex A), so what came
   *     before them is not measured; false when it lists every review (the census)
   */
  public record ProtectionPlan(
      Source source,
      String childId,
      LocalDate start,
      LocalDate lastVisit,
      List<LocalDate> reviews,
      boolean latestOnly,
      LocalDate end,
      String team,
      String worker,
      LocalDate episode)
      implements Recorded {
    public ProtectionPlan {
      reviews = List.copyOf(reviews);
    }
  }

  /** A period looked after (List 8): start, the last social work visit, when it ceased. */
  public record InCare(
      Source source,
      String childId,
      LocalDate start,
      LocalDate lastVisit,
      LocalDate ceased,
      String team,
      String worker,
      LocalDate episode)
      implements Recorded {}

  /**
   * Rules measured on the episode only from a date: the return does not hold what came before (the
   * census holds a year; an earlier assessment is not in it).
   */
  public record MeasuredFrom(
      Source source, String childId, LocalDate start, List<String> rules, LocalDate episode)
      implements Recorded {
    public MeasuredFrom {
      rules = List.copyOf(rules);
    }

    @Override
    public String team() {
      return "";
    }

    @Override
    public String worker() {
      return "";
    }
  }

  /** A child's date of birth as a list gives it (null when blank). */
  public record ChildBorn(String childId, LocalDate dateOfBirth) {}
}
