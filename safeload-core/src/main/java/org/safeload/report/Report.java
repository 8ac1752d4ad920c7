package org.safeload.report;

import java.util.List;
import java.util.Objects;

/**
 * A report: its title, the lines under the title (council, decision maker, date, ...), its status
 * (such as "Draft"; empty for none) and its sections. Reports are in British English: renderings
 * mark them {@value #LANGUAGE}.
 *
 * @param title e.g. "Extension of the managed social work team contract"
 * @param subtitle the lines under the title, in order
 * @param status e.g. "Draft"; empty for a final report
 * @param sections the numbered sections
 */
public record Report(String title, List<String> subtitle, String status, List<Section> sections) {

  /** The language of every report. */
  public static final String LANGUAGE = "en-GB";

  public Report {
    Objects.requireNonNull(title, "title");
    subtitle = List.copyOf(subtitle);
    status = status == null ? "" : status;
    sections = List.copyOf(sections);
  }

  public boolean hasStatus() {
    return !status.isBlank();
  }
}
