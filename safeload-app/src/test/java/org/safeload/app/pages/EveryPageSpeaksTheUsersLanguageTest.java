package org.safeload.app.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Crawls every page of the demo council reachable from the start page, signed in as the
 * administrator, as a browser would ask for it, and checks what a head of service reads: every POST
 * form carries the CSRF token the page rendered; no page answers an error; no page shows a {@code
 * null}, a JSON body, an unlocalised date ("2026-07-14", "7/14/26") or a database id where a name
 * belongs (a bare number in a worker, team or provider column or field, or "Worker 21").
 */
@SafeloadSpringTest
class EveryPageSpeaksTheUsersLanguageTest {

  private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
  private static final Pattern SLASH_DATE = Pattern.compile("\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b");
  private static final Pattern ID_FOR_NAME =
      Pattern.compile("\\b(Worker|Team|Provider|Service) \\d+\\b");
  private static final Pattern NAMES_A_PERSON_OR_TEAM =
      Pattern.compile(
          "(?i).*\\b(worker|team|provider|social worker|receiver|holder|manager|service|who)\\b.*");

  /** The codes files and the API use: pages say them in words. */
  private static final Set<String> CODES = codes();

  /** A lower-case code with hyphens, like a KPI id ("write-up-48h") or "social-worker". */
  private static final Pattern CODE_LIKE = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)+$");

  private static Set<String> codes() {
    Set<String> codes = new java.util.HashSet<>();
    for (var t : org.safeload.timeliness.CaseType.values()) codes.add(t.code());
    for (var t : org.safeload.timeliness.EventType.values()) codes.add(t.code());
    for (var r : org.safeload.organisation.Role.values()) codes.add(r.code());
    for (var e : org.safeload.organisation.EmploymentType.values()) codes.add(e.code());
    return codes;
  }

  private static final Pattern BARE_NUMBER = Pattern.compile("^\\d+$");

  @Autowired MockMvc mvc;

  @Autowired org.safeload.app.access.UserAccounts accounts;
  @Autowired org.safeload.app.access.ProviderDirectory providers;

  @Test
  void everyPageOfTheDemoCouncilSpeaksTheUsersLanguage() throws Exception {
    // Every page, not a sample: the demo council has over 600 (each case, worker and team).
    crawlAs("admin", "test-admin-password", 500);
  }

  /**
   * A provider's user sees only its own teams: the pages it reaches must not fall back to ids for
   * the workers and teams it may not see, nor link to pages it may not open.
   */
  @Test
  void everyPageAProvidersUserReachesSpeaksTheUsersLanguage() throws Exception {
    org.safeload.app.access.TestAccounts.ensure(accounts, providers);
    crawlAs(
        org.safeload.app.access.TestAccounts.username(org.safeload.app.access.AccessRole.PROVIDER),
        org.safeload.app.access.TestAccounts.PASSWORD,
        100);
  }

  private void crawlAs(String username, String password, int atLeast) throws Exception {
    SignedIn session =
        SignedIn.from(
            mvc.perform(formLogin("/sign-in").user(username).password(password)).andReturn());

    Deque<String> queue = new ArrayDeque<>(List.of("/"));
    Set<String> seen = new LinkedHashSet<>(queue);
    List<String> problems = new ArrayList<>();
    Set<String> kinds = new java.util.HashSet<>();
    int pages = 0;
    while (!queue.isEmpty()) {
      String path = queue.poll();
      MvcResult result =
          mvc.perform(get(path).with(session).accept(MediaType.TEXT_HTML)).andReturn();
      int status = result.getResponse().getStatus();
      if (status != 200) {
        problems.add(path + ": answered " + status);
        continue;
      }
      String body = result.getResponse().getContentAsString();
      if (body.stripLeading().startsWith("{")) {
        problems.add(path + ": a JSON body");
        continue;
      }
      pages++;
      Document page = Jsoup.parse(body, "http://localhost");
      for (String p : check(path, page)) {
        if (kinds.add(p.replaceAll("\\d+", "N")) && problems.size() < 400) {
          problems.add(p);
        }
      }
      for (Element a : page.select("a[href]")) {
        String href = a.attr("href");
        if (!href.startsWith("/") || href.startsWith("//") || skip(href)) {
          continue;
        }
        String link = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        if (!link.isEmpty() && seen.add(link)) {
          queue.add(link);
        }
      }
    }
    assertThat(pages).as("pages crawled").isGreaterThan(atLeast);
    assertThat(problems).isEmpty();
  }

  private static boolean skip(String href) {
    return href.startsWith("/sign-out")
        || href.startsWith("/swagger-ui")
        || href.startsWith("/v3/")
        || href.startsWith("/api/")
        || href.startsWith("/webjars/")
        || href.startsWith("/assets/")
        || href.endsWith(".json")
        || href.endsWith(".csv")
        || href.endsWith(".yaml");
  }

  static List<String> check(String path, Document page) {
    List<String> problems = new ArrayList<>();
    for (Element form : page.select("form")) {
      if (form.attr("method").equalsIgnoreCase("post")
          && form.select("input[type=hidden][name=_csrf]").isEmpty()) {
        problems.add(path + ": a POST form to " + form.attr("action") + " has no CSRF token");
      }
    }
    Document reading = page.clone();
    // Hints show the form a date is typed in; code, pre and inputs hold files' own formats.
    reading.select(".govuk-hint, pre, code, input, textarea, script, style").remove();
    // Cells and blocks end with a separator, so a name in one cell and a number in the next
    // ("Child Protection Team" | "5") do not read as "Team 5".
    reading
        .select("td, th, dt, dd, li, p, h1, h2, h3, h4, caption, label, legend, option")
        .forEach(e -> e.appendText(" ¦ "));
    String text = reading.body().text();
    if (Pattern.compile("\\bnull\\b").matcher(text).find()) {
      problems.add(path + ": shows \"null\"");
    }
    ISO_DATE
        .matcher(text)
        .results()
        .limit(1)
        .forEach(m -> problems.add(path + ": ISO date " + m.group()));
    SLASH_DATE
        .matcher(text)
        .results()
        .limit(1)
        .forEach(m -> problems.add(path + ": numeric date " + m.group()));
    ID_FOR_NAME
        .matcher(text)
        .results()
        .limit(1)
        .forEach(m -> problems.add(path + ": an id where a name belongs: " + m.group()));
    for (Element table : reading.select("table")) {
      List<Element> headers = table.select("thead th");
      for (Element row : table.select("tbody tr")) {
        List<Element> cells = row.select("> th, > td");
        for (int i = 0; i < Math.min(headers.size(), cells.size()); i++) {
          String header = headers.get(i).text();
          if (NAMES_A_PERSON_OR_TEAM.matcher(header).matches()
              && !header.matches("(?i).*\\b(cases?|fte|count|number|workers? over|load)\\b.*")
              && BARE_NUMBER.matcher(cells.get(i).text().strip()).matches()) {
            problems.add(
                path + ": column \"" + header + "\" holds a bare number " + cells.get(i).text());
          }
        }
      }
    }
    for (Element e :
        reading.select("h1, h2, h3, th, td, dt, dd, li, .govuk-tag, legend, label, caption")) {
      String own = e.ownText().strip();
      if (CODES.contains(own) || CODE_LIKE.matcher(own).matches()) {
        problems.add(path + ": a code where words belong: \"" + own + "\"");
      }
    }
    for (Element row : reading.select(".govuk-summary-list__row")) {
      String key = row.select(".govuk-summary-list__key").text();
      String value = row.select(".govuk-summary-list__value").text().strip();
      if (NAMES_A_PERSON_OR_TEAM.matcher(key).matches()
          && !key.matches("(?i).*\\b(cases?|fte|count|number|load)\\b.*")
          && BARE_NUMBER.matcher(value).matches()) {
        problems.add(path + ": \"" + key + "\" holds a bare number " + value);
      }
    }
    return problems;
  }
}
