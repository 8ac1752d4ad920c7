package org.safeload.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.safeload.document.FieldProblem;

/** A refused input file's problems on standard error, one a line: "FILE: line N, column: why". */
final class FileProblems {

  private FileProblems() {}

  static void report(PrintWriter err, Path file, List<FieldProblem> problems) {
    for (FieldProblem p : problems) {
      err.println(
          file
              + ": "
              + (p.line() > 0 ? "line " + p.line() + ", " : "")
              + (p.field().isEmpty() ? "" : p.field() + ": ")
              + p.message());
    }
  }
}
