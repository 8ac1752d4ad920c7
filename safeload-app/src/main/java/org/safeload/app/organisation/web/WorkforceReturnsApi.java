package org.safeload.app.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.app.organisation.WorkforceReturns;
import org.safeload.app.platform.ApiController;
import org.safeload.workforce.WorkforceKeys;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Department's workforce returns (docs/workforce.md): the census return and the agency return.
 */
@ApiController("/api/v1/workforce")
@Tag(
    name = "Workforce returns",
    description =
        "The children's social work workforce census return (CSWW XML) and the quarterly agency"
            + " return")
class WorkforceReturnsApi {

  private static final MediaType CSV =
      new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final WorkforceReturns returns;

  WorkforceReturnsApi(WorkforceReturns returns) {
    this.returns = returns;
  }

  @GetMapping("/census.xml")
  @Operation(
      summary =
          "The census return (CSWW XML) for the year ending yearEnd (the last 30 September by"
              + " default), from the stored workers and establishment")
  ResponseEntity<String> census(@RequestParam(required = false) LocalDate yearEnd) {
    LocalDate end = yearEnd == null ? returns.lastYearEnd() : yearEnd;
    StringWriter out = new StringWriter();
    returns.census(out, end);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_XML)
        .header("Content-Disposition", "attachment; filename=\"csww-" + end.getYear() + ".xml\"")
        .body(out.toString());
  }

  @PostMapping(
      path = "/census",
      consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  @Operation(
      summary =
          "Read a census return (CSWW XML): the council's figures under the workforce keys (the"
              + " return has no teams)")
  Map<String, Object> readCensus(InputStream body) {
    Map<String, Object> json = new LinkedHashMap<>(WorkforceKeys.council(returns.readCensus(body)));
    json.put("teams", List.of());
    return json;
  }

  @GetMapping("/agency-return.csv")
  @Operation(
      summary =
          "The quarterly agency return (CSV) for the quarter ending quarterEnd (the last quarter"
              + " by default)")
  ResponseEntity<String> agencyReturn(@RequestParam(required = false) LocalDate quarterEnd) {
    LocalDate end = quarterEnd == null ? returns.lastQuarterEnd() : quarterEnd;
    StringWriter out = new StringWriter();
    returns.agencyReturn(out, end);
    return ResponseEntity.ok()
        .contentType(CSV)
        .header("Content-Disposition", "attachment; filename=\"agency-return-" + end + ".csv\"")
        .body(out.toString());
  }
}
