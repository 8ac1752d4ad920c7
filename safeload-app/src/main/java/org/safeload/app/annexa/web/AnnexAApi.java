package org.safeload.app.annexa.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import org.safeload.app.annexa.AnnexAImports;
import org.safeload.app.annexa.Choices;
import org.safeload.app.annexa.Imported;
import org.safeload.app.annexa.Report;
import org.safeload.app.platform.ApiController;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.extract.CaseEpisodes;
import org.safeload.extract.Extract;
import org.safeload.extract.ExtractOptions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * Ofsted Annex A workbooks over the API: the mapping report of a workbook (nothing imported), and
 * the import of one with the names it gives mapped to the council's workers and teams.
 */
@ApiController("/api/v1/annex-a")
@Tag(name = "Ofsted Annex A", description = "Reading and importing an Annex A workbook")
class AnnexAApi {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final AnnexAImports imports;

  AnnexAApi(AnnexAImports imports) {
    this.imports = imports;
  }

  /**
   * Names mapped to the ids of the council's workers and teams, by the name the workbook gives
   * (spaces and capitals as they come): needed for each name the report gives no match.
   */
  record Mapping(Map<String, Long> workers, Map<String, Long> teams) {}

  @PostMapping(
      path = "/report",
      consumes = {XLSX, "application/octet-stream"})
  @Operation(
      summary =
          "Read an Annex A workbook (the body, up to 100 MB) and answer its mapping report: each"
              + " list's rows read and skipped, the rows that could not be read, the cases with no"
              + " worker, the rules it cannot measure, and each worker and team it names with its"
              + " match in Safeload. Nothing is imported")
  Report report(
      InputStream body,
      @RequestParam(required = false) String fileName,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate extractDate,
      @RequestParam(defaultValue = "false") boolean skipInvalid) {
    return imports.report(read(body, fileName, extractDate, skipInvalid));
  }

  @PostMapping(path = "/import", consumes = "multipart/form-data")
  @Operation(
      summary =
          "Import an Annex A workbook (part \"file\"), all or nothing: its events and children with"
              + " the ids of the council's workers and teams (matched by name, or mapped in the JSON"
              + " part \"mapping\": {\"workers\": {name: id}, \"teams\": {name: id}}), and the"
              + " statutory rules it can measure as a rule set. A name with no match and no mapping"
              + " is refused, naming it. Importing the same workbook again changes nothing")
  Imported importWorkbook(
      @RequestPart("file") MultipartFile file,
      @RequestPart(name = "mapping", required = false) Mapping mapping,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate extractDate,
      @RequestParam(defaultValue = "false") boolean skipInvalid)
      throws IOException {
    Extract x;
    try (InputStream in = file.getInputStream()) {
      x = read(in, file.getOriginalFilename(), extractDate, skipInvalid);
    }
    if (x.refused()) {
      // The report names every row; the import says only that it refused.
      return imports.importWorkbook(x, Choices.none());
    }
    Report report = imports.report(x);
    Choices choices =
        imports.choicesByName(
            report,
            mapping == null ? Map.of() : mapping.workers(),
            mapping == null ? Map.of() : mapping.teams());
    return imports.importWorkbook(x, choices);
  }

  private Extract read(
      InputStream body, String fileName, LocalDate extractDate, boolean skipInvalid) {
    if (extractDate != null && CaseEpisodes.outsideCalendar(extractDate) != null) {
      throw new InvalidInputException(
          "extractDate", "The extract date must be between 2000 and 2040");
    }
    return imports.read(
        body,
        fileName == null || fileName.isBlank() ? "workbook.xlsx" : fileName,
        new ExtractOptions(extractDate, skipInvalid));
  }
}
