package org.safeload.organisation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.safeload.document.FieldProblem;

/**
 * The worker import file: UTF-8 CSV (RFC 4180) with this header row, in any column order:
 *
 * <pre>
 * name,role,employment_type,fte,start_date,end_date,qualification_date,asye_start_date,swe_registration,team
 * </pre>
 *
 * Dates are ISO ({@code 2024-03-27}); {@code team} is the team's name. Lines are counted from 1,
 * the header being line 1.
 */
public final class WorkerCsv {

  public static final List<String> HEADER =
      Arrays.stream(WorkerField.values()).map(WorkerField::csvName).toList();

  /** One data row: its first line in the file and its values by field. */
  public record Row(int line, Map<WorkerField, String> values) {}

  /** The rows, or the problems with the file's shape (bad header, ragged rows). */
  public record Content(List<Row> rows, List<FieldProblem> problems) {}

  private WorkerCsv() {}

  public static Content read(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<FieldProblem> problems = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
      Map<Integer, WorkerField> columns = null;
      long lineBefore = 0;
      for (CSVRecord record : parser) {
        int line = (int) lineBefore + 1;
        lineBefore = parser.getCurrentLineNumber();
        if (columns == null) {
          columns = header(record, problems);
          if (!problems.isEmpty()) {
            return new Content(List.of(), problems);
          }
          continue;
        }
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        if (record.size() != columns.size()) {
          problems.add(
              new FieldProblem(
                  line,
                  "",
                  "Row has " + record.size() + " values but the header has " + columns.size()));
          continue;
        }
        Map<WorkerField, String> values = new EnumMap<>(WorkerField.class);
        for (Map.Entry<Integer, WorkerField> column : columns.entrySet()) {
          values.put(column.getValue(), record.get(column.getKey()));
        }
        rows.add(new Row(line, values));
      }
      if (columns == null) {
        problems.add(
            new FieldProblem(1, "", "The file is empty: the first line must be the header"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      problems.add(new FieldProblem(0, "", "The file is not valid CSV: " + e.getMessage()));
    }
    return new Content(rows, problems);
  }

  private static Map<Integer, WorkerField> header(CSVRecord record, List<FieldProblem> problems) {
    Map<String, WorkerField> byName = new HashMap<>();
    for (WorkerField field : WorkerField.values()) {
      byName.put(field.csvName(), field);
    }
    Map<Integer, WorkerField> columns = new HashMap<>();
    Set<WorkerField> seen = new LinkedHashSet<>();
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i).strip();
      WorkerField field = byName.get(name);
      if (field == null) {
        problems.add(
            new FieldProblem(1, name, "Unknown column; the header is " + String.join(",", HEADER)));
      } else if (!seen.add(field)) {
        problems.add(new FieldProblem(1, name, "Column appears twice"));
      } else {
        columns.put(i, field);
      }
    }
    for (WorkerField field : WorkerField.values()) {
      if (!seen.contains(field)) {
        problems.add(new FieldProblem(1, field.csvName(), "Missing column"));
      }
    }
    return columns;
  }
}
