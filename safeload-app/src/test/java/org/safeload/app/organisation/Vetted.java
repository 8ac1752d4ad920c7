package org.safeload.app.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Records every check for a worker a test creates, through the API as an administrator would, so
 * that they are cleared on the test clock's day (24 November 2026) and may take cases.
 */
public final class Vetted {

  /** Every check, in date on 24 November 2026. */
  public static final String CHECKS =
      """
      {"dbsCertificate": "001234567890", "dbsIssued": "2026-01-05", "dbsOutcome": "clear",
       "dbsUpdateService": "yes", "dbsLastStatusCheck": "2026-10-01", "dbsCheckedBy": "HR",
       "registrationStatus": "registered", "registrationCheckedOn": "2026-11-02",
       "reference1Role": "Team manager", "reference1Received": "2026-08-10",
       "reference1ByCouncil": "yes", "reference2Role": "Practice educator",
       "reference2Received": "2026-08-11", "reference2ByCouncil": "yes",
       "rightToWorkCheckedOn": "2026-08-01"}
      """;

  private Vetted() {}

  /** Records the checks for the worker; the test fails if they are refused. */
  public static void record(MockMvc mvc, Object workerId) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                put("/api/v1/workers/" + workerId + "/vetting")
                    .contentType("application/json")
                    .content(CHECKS)
                    .with(httpBasic("admin", "test-admin-password")))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
  }
}
