package org.safeload.app.money.appraisal;

import java.util.Optional;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.money.TeamAppraisalView;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.document.DocumentException;
import org.safeload.money.TeamAppraisal;
import org.safeload.money.TeamAppraisalReader;
import org.springframework.stereotype.Service;

/**
 * The team options appraisal (docs/money.md): a team and a period, costed as a managed team, as
 * agency workers and as permanent staff with the council's figures ({@link AppraisalSettings}) for
 * whatever the request leaves out. Nothing is stored.
 */
@Service
public class TeamAppraisalService {

  private final AppraisalSettings settings;

  TeamAppraisalService(AppraisalSettings settings) {
    this.settings = settings;
  }

  /** The council's figures, or empty when it has set none. */
  @Requires(Capability.READ_DECISIONS)
  public Optional<AppraisalSettings.Terms> terms() {
    return settings.terms();
  }

  /**
   * Appraises a document with the fields of a scenario's {@code teamAppraisal} (JSON or YAML);
   * {@code agency} and {@code permanent}, or any of their fields, default to the council's figures.
   */
  @Requires(Capability.READ_DECISIONS)
  public TeamAppraisalView appraise(String document) {
    TeamAppraisalReader.Defaults defaults =
        settings
            .terms()
            .map(t -> new TeamAppraisalReader.Defaults(t.agency(), t.permanent()))
            .orElse(TeamAppraisalReader.Defaults.NONE);
    TeamAppraisal.Inputs inputs;
    try {
      inputs = TeamAppraisalReader.read(document, defaults);
    } catch (DocumentException e) {
      throw new InvalidInputException("The appraisal has errors", e.problems());
    }
    return TeamAppraisalView.of(TeamAppraisal.of(inputs));
  }
}
