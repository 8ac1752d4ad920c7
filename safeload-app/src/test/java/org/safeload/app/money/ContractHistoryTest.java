package org.safeload.app.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A contract keeps every version of its document: an invoice put right, a ceiling raised, each
 * leaves the version before it readable, and the history says what changed with the amounts before
 * and after.
 */
@SafeloadSpringTest
class ContractHistoryTest {

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts, providers);
  }

  private MockHttpServletResponse as(AccessRole role, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.with(httpBasic(TestAccounts.username(role), TestAccounts.PASSWORD)))
        .andReturn()
        .getResponse();
  }

  @Test
  void anInvoicePutRightKeepsWhatItWas() throws Exception {
    String code = "history-" + System.nanoTime();
    MockHttpServletResponse created =
        as(
            AccessRole.FINANCE,
            post("/api/v1/contracts")
                .contentType("application/yaml")
                .content(
                    """
                    id: %s
                    provider: History Provider
                    route: framework
                    start: 2026-07-01
                    end: 2026-12-31
                    ceiling: 100000
                    roster:
                      - {role: social-worker, count: 1, rate: {amount: 500, per: working-day}}
                    """
                        .formatted(code)));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    for (String amount : new String[] {"10000", "10500.50"}) {
      assertThat(
              as(
                      AccessRole.FINANCE,
                      put("/api/v1/contracts/" + code + "/invoices/2026-07")
                          .contentType("application/json")
                          .content("{\"amount\":\"" + amount + "\",\"reference\":\"INV-7\"}"))
                  .getStatus())
          .isEqualTo(200);
    }

    String history =
        as(AccessRole.READ_ONLY, get("/api/v1/contracts/" + code + "/history"))
            .getContentAsString();

    assertThat(JsonPath.<List<Integer>>read(history, "$[*].number")).containsExactly(3, 2, 1);
    assertThat(JsonPath.<List<String>>read(history, "$[*].what"))
        .containsExactly(
            "invoice recorded for July 2026: invoice for July 2026 £10,500.50, was £10,000.00",
            "invoice recorded for July 2026: invoice for July 2026 £10,000.00 added",
            "contract " + code + " created");
    List<String> by = JsonPath.read(history, "$[*].by");
    assertThat(by).hasSize(3).containsOnly(by.getFirst());
    assertThat(by.getFirst()).isNotEqualTo(org.safeload.app.audit.AuditLog.SYSTEM_NAME);

    // The version before the correction still has the first amount.
    MockHttpServletResponse second =
        as(AccessRole.READ_ONLY, get("/contracts/" + code + "/versions/2.yaml"));
    assertThat(second.getStatus()).isEqualTo(200);
    assertThat(second.getContentAsString()).contains("2026-07").contains("10000");
    assertThat(second.getContentAsString()).doesNotContain("10500.5");
    assertThat(as(AccessRole.READ_ONLY, get("/contracts/" + code + "/versions/4.yaml")).getStatus())
        .isEqualTo(404);
    // Case-holding staff do not read contracts.
    assertThat(
            as(AccessRole.SOCIAL_WORKER, get("/api/v1/contracts/" + code + "/history")).getStatus())
        .isEqualTo(403);
  }
}
