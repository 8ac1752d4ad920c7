package org.safeload.app.timeliness.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safeload.app.caseactivity.CaseActivity;
import org.safeload.app.caseactivity.CaseEvent;
import org.safeload.app.platform.DateParts;
import org.safeload.app.platform.FileUploads;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.app.platform.TimeConfig;
import org.safeload.app.timeliness.TimelinessService;
import org.safeload.document.FieldProblem;
import org.safeload.timeliness.EventCorrections;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Correcting or withdrawing case events: one event from its case page, or many with a corrections
 * file. Both go through the same reader and checks in the core and the case activity.
 */
@Controller
class CorrectionPages {

  private final TimelinessService timeliness;
  private final CaseActivity activity;

  CorrectionPages(TimelinessService timeliness, CaseActivity activity) {
    this.timeliness = timeliness;
    this.activity = activity;
  }

  /** The correction form's fields. */
  public static class CorrectionForm {
    private String action = "correct";
    private String reason = "";
    private DateParts when = new DateParts();
    private String time = "";
    private String workerId = "";
    private String teamId = "";
    private String detail = "";
    private DateParts due = new DateParts();

    static CorrectionForm of(CaseEvent e) {
      CorrectionForm form = new CorrectionForm();
      LocalDateTime at = LocalDateTime.ofInstant(e.occurredAt(), TimeConfig.LONDON);
      form.when = DateParts.of(at.toLocalDate());
      form.time = String.format("%02d:%02d", at.getHour(), at.getMinute());
      form.workerId = orEmpty(e.workerRef());
      form.teamId = orEmpty(e.teamRef());
      form.detail = orEmpty(e.detail());
      form.due = DateParts.of(e.dueDate());
      return form;
    }

    public String getAction() {
      return action;
    }

    public void setAction(String action) {
      this.action = orEmpty(action);
    }

    public String getReason() {
      return reason;
    }

    public void setReason(String reason) {
      this.reason = orEmpty(reason);
    }

    public DateParts getWhen() {
      return when;
    }

    public void setWhen(DateParts when) {
      this.when = when == null ? new DateParts() : when;
    }

    public String getTime() {
      return time;
    }

    public void setTime(String time) {
      this.time = orEmpty(time);
    }

    public String getWorkerId() {
      return workerId;
    }

    public void setWorkerId(String workerId) {
      this.workerId = orEmpty(workerId);
    }

    public String getTeamId() {
      return teamId;
    }

    public void setTeamId(String teamId) {
      this.teamId = orEmpty(teamId);
    }

    public String getDetail() {
      return detail;
    }

    public void setDetail(String detail) {
      this.detail = orEmpty(detail);
    }

    public DateParts getDue() {
      return due;
    }

    public void setDue(DateParts due) {
      this.due = due == null ? new DateParts() : due;
    }
  }

  /** Which form field shows a problem with a column of the corrections file. */
  private static final Map<String, String> FIELDS =
      Map.of(
          "action", "action",
          "reason", "reason",
          "occurred_at", "when",
          "worker_id", "workerId",
          "team_id", "teamId",
          "detail", "detail",
          "due_date", "due");

  @GetMapping("/cases/{caseRef}/events/{eventId}/correct")
  String form(@PathVariable String caseRef, @PathVariable String eventId, Model model) {
    activity.checkMayCorrect();
    CaseEvent event = show(caseRef, eventId, model);
    model.addAttribute("form", CorrectionForm.of(event));
    model.addAttribute("errors", Map.of());
    return "timeliness/correct";
  }

  @PostMapping("/cases/{caseRef}/events/{eventId}/correct")
  String correct(
      @PathVariable String caseRef,
      @PathVariable String eventId,
      @ModelAttribute("form") CorrectionForm form,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    activity.checkMayCorrect();
    CaseEvent event = show(caseRef, eventId, model);
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("event_id", event.eventId());
    values.put("action", form.getAction());
    values.put("reason", form.getReason());
    if (form.getAction().equals("correct")) {
      String time = form.getTime().strip();
      if (form.getWhen().toDate() == null || !time.matches("\\d{1,2}:\\d{2}")) {
        errors.put(
            "when",
            "Enter the date and the time the event happened, for example 3 5 2022 and 14:30");
      }
      values.put(
          "occurred_at", form.getWhen().toIso() + "T" + (time.length() == 4 ? "0" + time : time));
      values.put("type", event.type());
      values.put("case_id", orEmpty(event.caseRef()));
      values.put("child_id", orEmpty(event.childRef()));
      values.put("worker_id", form.getWorkerId());
      values.put("team_id", form.getTeamId());
      values.put("detail", form.getDetail());
      values.put("ref", orEmpty(event.ref()));
      values.put("due_date", form.getDue().toIso());
    }
    if (errors.isEmpty()) {
      try {
        CaseActivity.CorrectionResult result = activity.correctEvent(values);
        redirect.addFlashAttribute("corrected", result);
        return "redirect:/cases/" + UriUtils.encodePathSegment(caseRef, "UTF-8");
      } catch (InvalidInputException e) {
        for (FieldProblem p : e.problems()) {
          errors.putIfAbsent(FIELDS.getOrDefault(p.field(), "action"), p.message());
        }
      }
    }
    model.addAttribute("errors", errors);
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return "timeliness/correct";
  }

  /** The case, the event and the choices, for the form; 404 for an event not on the case. */
  private CaseEvent show(String caseRef, String eventId, Model model) {
    TimelinessService.Timeline t = timeliness.caseTimeline(caseRef);
    CaseEvent event = t.event(eventId);
    if (event == null) {
      throw new NotFoundException("No event " + eventId + " on case " + caseRef);
    }
    model.addAttribute("t", t);
    model.addAttribute("event", event);
    model.addAttribute("refersTo", t.event(event.ref()));
    model.addAttribute("choices", timeliness.correctionChoices());
    return event;
  }

  @GetMapping("/timeliness/corrections")
  String uploadForm(Model model) {
    activity.checkMayCorrect();
    model.addAttribute("header", String.join(",", EventCorrections.HEADER));
    model.addAttribute("errors", Map.of());
    return "timeliness/corrections";
  }

  @PostMapping("/timeliness/corrections")
  String upload(
      @RequestParam(value = "file", required = false) MultipartFile file,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response)
      throws IOException {
    activity.checkMayCorrect();
    model.addAttribute("header", String.join(",", EventCorrections.HEADER));
    if (file == null || file.isEmpty()) {
      return FileUploads.noFile(model, response, "timeliness/corrections");
    }
    try (InputStream in = file.getInputStream()) {
      redirect.addFlashAttribute("corrected", activity.correctEvents(in));
      return "redirect:/timeliness/corrections";
    } catch (InvalidInputException e) {
      return FileUploads.refused(
          model, response, "timeliness/corrections", e, "nothing was changed");
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
