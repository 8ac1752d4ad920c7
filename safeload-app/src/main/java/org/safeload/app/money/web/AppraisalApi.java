package org.safeload.app.money.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.safeload.app.money.TeamAppraisalView;
import org.safeload.app.money.appraisal.TeamAppraisalService;
import org.safeload.app.platform.ApiController;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The team options appraisal over JSON (docs/money.md): nothing is stored. */
@ApiController("/api/v1")
@Tag(name = "Money", description = "Managed-team contracts, their monthly costs and scenarios")
class AppraisalApi {

  private final TeamAppraisalService appraisal;

  AppraisalApi(TeamAppraisalService appraisal) {
    this.appraisal = appraisal;
  }

  @PostMapping(
      path = "/appraisal",
      consumes = {"application/json", "application/yaml", "text/plain"})
  @Operation(
      summary = "Cost a team three ways: managed team, agency at the price caps, permanent staff",
      description =
          "Body: the fields of a scenario's teamAppraisal (docs/scenario.schema.json), e.g."
              + " {\"composition\":{\"team-manager\":1,\"social-worker\":6},"
              + "\"period\":{\"months\":12},\"managedTeam\":{\"pricePerTeamWeek\":\"14230.77\"},"
              + "\"permanent\":{\"vacancyRate\":\"0.1\"}}. agency and permanent, and any of their"
              + " fields, default to the council's settings (safeload.appraisal).")
  TeamAppraisalView appraise(@RequestBody String document) {
    return appraisal.appraise(document);
  }
}
