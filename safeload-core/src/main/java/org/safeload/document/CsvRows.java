package org.safeload.document;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reading a CSV file whose header names its columns (in any order): every problem is recorded with
 * its line (the header is line 1) and column, and reading goes on so that one pass reports them
 * all. Blank lines are skipped; a leading byte-order mark is ignored.
 */
public final class CsvRows {

  private CsvRows() {}

  /** Reads one data row: its line, and each column's value (stripped) by name. */
  public interface Row {
    void read(int line, Function<String, String> value);
  }

  /** Reads every data row after checking the header; with a bad header, no row is read. */
  public static void rows(
      Reader reader, List<String> columns, List<FieldProblem> problems, Row row) {
    rows(reader, columns, List.of(), problems, row);
  }

  /**
   * As {@link #rows(Reader, List, List, Row)}, with optional columns the header may name or leave
   * out: a row's value for an optional column left out is empty.
   */
  public static void rows(
      Reader reader,
      List<String> columns,
      List<String> optional,
      List<FieldProblem> problems,
      Row row) {
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, Integer> index = null;
      long lineBefore = 0;
      for (CSVRecord record : parser) {
        int line = (int) lineBefore + 1;
        lineBefore = parser.getCurrentLineNumber();
        if (index == null) {
          index = header(record, columns, optional, problems);
          if (index == null) {
            return;
          }
          continue;
        }
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        if (record.size() != index.size()) {
          problems.add(
              new FieldProblem(
                  line,
                  "",
                  "Row has " + record.size() + " values but the header has " + index.size()));
          continue;
        }
        Map<String, Integer> c = index;
        row.read(line, name -> c.containsKey(name) ? record.get(c.get(name)).strip() : "");
      }
      if (index == null) {
        problems.add(
            new FieldProblem(
                1, "", "The file is empty: expected the header " + String.join(",", columns)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | UncheckedIOException e) {
      problems.add(new FieldProblem(0, "", "Is not valid CSV: " + e.getMessage()));
    }
  }

  private static Map<String, Integer> header(
      CSVRecord record, List<String> columns, List<String> optional, List<FieldProblem> problems) {
    Map<String, Integer> index = new LinkedHashMap<>();
    int before = problems.size();
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i).strip();
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      if (!columns.contains(name) && !optional.contains(name)) {
        problems.add(
            new FieldProblem(
                1, name, "Is not a column of this file; expected: " + String.join(",", columns)));
      } else if (index.put(name, i) != null) {
        problems.add(new FieldProblem(1, name, "Is named twice in the header"));
      }
    }
    for (String column : columns) {
      if (!index.containsKey(column)) {
        problems.add(new FieldProblem(1, column, "Is missing from the header"));
      }
    }
    return problems.size() == before ? index : null;
  }
}
