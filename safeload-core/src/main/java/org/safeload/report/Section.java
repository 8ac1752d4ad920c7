package org.safeload.report;

import java.util.List;
import java.util.Objects;

/**
 * A numbered section: its heading, its blocks in reading order, then its subsections. Top-level
 * sections are Heading 1 in Word, subsections Heading 2, and so on.
 *
 * @param number e.g. "4" or "4.1"; empty for an unnumbered section
 * @param heading e.g. "Financial implications"
 * @param blocks the content before any subsection
 * @param subsections the subsections, in order
 */
public record Section(
    String number, String heading, List<Block> blocks, List<Section> subsections) {

  public Section {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(heading, "heading");
    blocks = List.copyOf(blocks);
    subsections = List.copyOf(subsections);
  }

  /** A section without subsections. */
  public static Section of(String number, String heading, Block... blocks) {
    return new Section(number, heading, List.of(blocks), List.of());
  }

  /** This section with subsections after its blocks. */
  public Section with(Section... subsections) {
    return new Section(number, heading, blocks, List.of(subsections));
  }

  /**
   * The heading as shown: "4. Financial implications", "4.1 Monthly cost", or the heading alone.
   */
  public String title() {
    if (number.isEmpty()) {
      return heading;
    }
    return number + (number.contains(".") ? " " : ". ") + heading;
  }
}
