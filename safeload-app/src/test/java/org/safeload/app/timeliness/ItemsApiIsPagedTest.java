package org.safeload.app.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The items API answers a page at a time: walking the pages gives the whole list, in order. */
@SafeloadSpringTest
class ItemsApiIsPagedTest {

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts, providers);
  }

  private MvcResult items(String... params) throws Exception {
    var request =
        get("/api/v1/timeliness/items")
            .param("asOf", "2026-11-23")
            .with(httpBasic(TestAccounts.username(AccessRole.ADMIN), TestAccounts.PASSWORD));
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return mvc.perform(request).andReturn();
  }

  private static String key(Object item) {
    return JsonPath.read(item, "$.rule")
        + "|"
        + JsonPath.read(item, "$.caseRef")
        + "|"
        + JsonPath.read(item, "$.worker")
        + "|"
        + JsonPath.read(item, "$.deadline");
  }

  /** Every item, walking pages of {@code size}; checks each page's counts on the way. */
  private List<String> walk(int size) throws Exception {
    List<String> walked = new ArrayList<>();
    String first = items("size", String.valueOf(size)).getResponse().getContentAsString();
    int total = JsonPath.read(first, "$.total");
    int pages = (total + size - 1) / size;
    for (int page = 1; page <= pages; page++) {
      String body =
          items("size", String.valueOf(size), "page", String.valueOf(page))
              .getResponse()
              .getContentAsString();
      assertThat((Integer) JsonPath.read(body, "$.pages")).isEqualTo(pages);
      assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(total);
      List<Object> rows = JsonPath.read(body, "$.items");
      // Every page full but the last.
      assertThat(rows).hasSize(page < pages ? size : total - size * (pages - 1));
      rows.forEach(r -> walked.add(key(r)));
    }
    assertThat(walked).hasSize(total);
    return walked;
  }

  @Test
  void walkingThePagesGivesTheWholeListInOrder() throws Exception {
    // The same list walked in pages of 500 (the most) and of 37: the same items, in the same order.
    List<String> big = walk(500);
    assertThat(big.size()).isGreaterThan(37);
    assertThat(walk(37)).isEqualTo(big);

    // Without page or size: the first 50.
    String first = items().getResponse().getContentAsString();
    assertThat((Integer) JsonPath.read(first, "$.size")).isEqualTo(50);
    assertThat(JsonPath.<List<Object>>read(first, "$.items")).hasSize(Math.min(50, big.size()));
  }

  @Test
  void aPageOrSizeOutOfRangeIsAProblemNamingIt() throws Exception {
    MvcResult zero = items("page", "0");
    assertThat(zero.getResponse().getStatus()).isEqualTo(400);
    assertThat(zero.getResponse().getContentType()).isEqualTo("application/problem+json");
    assertThat(
            JsonPath.<List<String>>read(
                zero.getResponse().getContentAsString(), "$.errors[*].field"))
        .containsExactly("page");
    MvcResult huge = items("size", "501");
    assertThat(huge.getResponse().getStatus()).isEqualTo(400);
    assertThat(
            JsonPath.<List<String>>read(
                huge.getResponse().getContentAsString(), "$.errors[*].field"))
        .containsExactly("size");
  }
}
