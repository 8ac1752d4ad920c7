package org.safeload.app.annexa;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What an Annex A import did: the events and children written (new, and already there), the workers
 * and teams created and matched, the rows skipped, and the rule set the timeliness pages measure it
 * with.
 *
 * @param skipped each row skipped because it could not be read: its sheet, row, column and why
 * @param ruleSet what happened to the rule set: {@code saved} (new), {@code unchanged} (saved
 *     before as it is), or {@code kept} (the council has changed its copy: left as it is)
 */
public record Imported(
    String file,
    LocalDate extractDate,
    int eventsAdded,
    int eventsUnchanged,
    int childrenAdded,
    int childrenUpdated,
    int childrenUnchanged,
    int workersCreated,
    int teamsCreated,
    int workersMatched,
    int teamsMatched,
    int rowsSkipped,
    java.util.List<String> skipped,
    String ruleSetId,
    String ruleSetName,
    String ruleSet)
    implements Serializable {

  public Imported {
    skipped = java.util.List.copyOf(skipped);
  }

  /** The timeliness page for the import: its rule set, as of its extract date. */
  public String timelinessPath() {
    return "/timeliness?rules=" + ruleSetId + "&asOf=" + extractDate;
  }

  /** True when the import changed nothing (the same workbook again). */
  public boolean nothingNew() {
    return eventsAdded == 0
        && childrenAdded == 0
        && childrenUpdated == 0
        && workersCreated == 0
        && teamsCreated == 0
        && !ruleSet.equals("saved");
  }
}
