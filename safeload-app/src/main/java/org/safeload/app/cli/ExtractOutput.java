package org.safeload.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.safeload.extract.Extract;
import org.safeload.extract.ExtractFiles;
import org.safeload.extract.ExtractProblem;

/**
 * Writes a read return to a folder (the files of {@link ExtractFiles}) for {@code annex-a} and
 * {@code cin-census}: exit 0, or 2 with every problem on standard error when the return is refused
 * (only the mapping report is written then, so nothing can be imported by mistake).
 */
final class ExtractOutput {

  private ExtractOutput() {}

  /** "FILE: List 3, row 4, column …: why" (the file named once). */
  private static String where(Extract x, ExtractProblem p) {
    return p.sheet().equals(x.file()) ? p.text() : x.file() + ": " + p.text();
  }

  static int write(Extract x, Path out, PrintWriter stdout, PrintWriter err) throws IOException {
    Files.createDirectories(out);
    if (x.refused()) {
      for (ExtractProblem p : x.problems()) {
        err.println(where(x, p));
      }
      err.println(
          x.problems().size()
              + " problems in the return: nothing written but "
              + ExtractFiles.MAPPING
              + (x.skippable() ? " (or read with --skip-invalid)" : ""));
      err.flush();
      for (String name : ExtractFiles.NAMES) {
        Files.deleteIfExists(out.resolve(name));
      }
      Files.writeString(
          out.resolve(ExtractFiles.MAPPING), ExtractFiles.mapping(x), StandardCharsets.UTF_8);
      return 2;
    }
    Map<String, String> files = ExtractFiles.all(x);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path tmp = out.resolve(f.getKey() + ".tmp");
      Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
      Files.move(
          tmp,
          out.resolve(f.getKey()),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    for (ExtractProblem p : x.problems()) {
      err.println("skipped: " + where(x, p));
    }
    err.flush();
    stdout.printf(
        "%s, extract date %s: %d cases, %d events, %d children, %d workers, %d teams written to %s%n",
        x.kind(),
        x.extractDate(),
        x.cases(),
        x.events().size(),
        x.children().size(),
        x.workers().size(),
        x.teams().size(),
        out);
    stdout.flush();
    return 0;
  }
}
