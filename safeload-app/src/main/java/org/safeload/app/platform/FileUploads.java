package org.safeload.app.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * An upload page's two refusals, answered the same way everywhere: no file chosen, or a file with
 * problems (each listed with its line and column, and nothing written). The page shows the error
 * summary and, for a refused file, the table of problems.
 */
public final class FileUploads {

  private FileUploads() {}

  /** No file was chosen: the page again, 400. */
  public static String noFile(Model model, HttpServletResponse response, String view) {
    model.addAttribute("errors", Map.of("file", "Select a CSV file"));
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return view;
  }

  /**
   * The file was refused: the page again with its problems, 400.
   *
   * @param nothingDone what did not happen, for the summary ("nothing was imported")
   */
  public static String refused(
      Model model,
      HttpServletResponse response,
      String view,
      InvalidInputException e,
      String nothingDone) {
    int count = e.problems().size();
    model.addAttribute(
        "errors",
        Map.of(
            "file",
            "The file has "
                + count
                + (count == 1 ? " problem" : " problems")
                + ": "
                + nothingDone));
    model.addAttribute("problems", e.problems());
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return view;
  }
}
