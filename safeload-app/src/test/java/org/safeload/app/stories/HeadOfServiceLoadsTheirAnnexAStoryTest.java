package org.safeload.app.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.SignedIn;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.safeload.app.annexa.PageForms;
import org.safeload.app.annexa.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockPart;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A head of service loads the public sample Annex A workbook in the demo council: reads the mapping
 * report first, finds one worker already matched by name (spelt with other capitals and spaces),
 * matches another to an existing worker and a team to an existing team, creates the rest, and
 * imports. Loading the same workbook again, with the same choices, changes nothing; with another
 * choice for a worker it is refused, all of it, naming the event; and through the API, with the
 * same mapping, it changes nothing either. In a council of its own (shared with the Annex A page
 * tests, which import nothing of the sample's).
 *
 * <p>The figures are the sample's, worked out by hand from its rows and docs/annex-a.md's mapping:
 *
 * <ul>
 *   <li>List 3, 6 referrals, none NFA: a referral and an allocation each, 12 events, 6 cases.
 *   <li>List 4, 5 assessments of children with no referral: each writes a referral on its start, an
 *       allocation and its authorisation, 15 events, 5 cases.
 *   <li>List 5, 5 enquiries: child 6537810's joins their List 3 referral of the same day (its
 *       strategy discussion and conference, 2 events; List 3's worker, Dustin Hazlett, keeps the
 *       case, so Reagan Mor holds none); the other 4 open cases of their own with an allocation,
 *       the strategy discussion and, for the two with a conference, the conference: 3 + 2 + 2 + 3 =
 *       10 events, 4 cases.
 *   <li>List 6, 5 children in need, worker and team #N/A: the change to child in need and the
 *       last-seen visit, 10 events, 5 cases with no worker.
 *   <li>List 7, 7 plans: an allocation, the change to CP, the visit and its measured-from (4); with
 *       a review and an end on another day than the visit, the review, its measured-from and the
 *       step down (7); with no review and no initial conference in List 5, the plan's start as its
 *       initial conference (5): 5 × 7 + 2 × 5 = 45 events, 7 cases.
 *   <li>List 8, 5 children in care: an allocation, the change to CLA, the visit and its
 *       measured-from (4), one ceased (5): 21 events, 5 cases.
 * </ul>
 *
 * <p>115 events, 32 cases of 32 children. 18 workers hold cases and 12 teams have them. The latest
 * date in Lists 3 to 8 is a child last seen on 15 March 2021 (serial 44270), the extract date.
 */
@SafeloadSpringTest
@TestPropertySource(properties = "safeload.test.context=annex-a")
class HeadOfServiceLoadsTheirAnnexAStoryTest {

  private static final String IMPORT = "/timeliness/annex-a/import";

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;
  @Autowired JdbcClient jdbc;

  private SignedIn hos;

  private Document page(String path) throws Exception {
    MvcResult result = mvc.perform(get(path).with(hos)).andReturn();
    assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
    return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private MvcResult submit(String path, Map<String, String> fields) throws Exception {
    return mvc.perform(PageForms.with(post(path), fields).with(hos).with(csrf())).andReturn();
  }

  private long count(String sql, Object... params) {
    var query = jdbc.sql(sql);
    for (Object p : params) {
      query = query.param(p);
    }
    return query.query(Long.class).single();
  }

  private long id(String sql, Object... params) {
    return count(sql, params);
  }

  /** A list's row of the report's table: its name, sheet and counts. */
  private static java.util.List<String> listRow(Document report, String list) {
    return report.select("#lists tbody tr").stream()
        .filter(r -> r.selectFirst("th").text().startsWith(list + " ("))
        .findFirst()
        .map(r -> r.select("th, td").eachText())
        .orElseThrow(() -> new AssertionError("no row for " + list));
  }

  /** The names form as the page rendered it, the CSRF token left to the request. */
  private Map<String, String> namesForm(Document names) {
    Map<String, String> fields =
        PageForms.fields(names.selectFirst("form[action='" + IMPORT + "']"));
    fields.remove("_csrf");
    return fields;
  }

  /** The form field of the row for a workbook id (T1, W3): "teams[0]" or "workers[2]". */
  private static String row(Map<String, String> fields, String ref) {
    return fields.entrySet().stream()
        .filter(e -> e.getKey().endsWith("].ref") && e.getValue().equals(ref))
        .map(e -> e.getKey().substring(0, e.getKey().length() - ".ref".length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + ref));
  }

  /** The workbook's id for a name, from the names page (its fieldset's data-ref). */
  private static String ref(Document names, String name) {
    return names.select(".sl-name").stream()
        .filter(d -> d.selectFirst("fieldset > legend").text().equals(name))
        .map(d -> d.attr("data-ref"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + name));
  }

  @Test
  void aHeadOfServiceLoadsTheSampleAndLoadingItAgainChangesNothing() throws Exception {
    TestAccounts.ensure(accounts, providers);
    hos =
        SignedIn.from(
            mvc.perform(
                    post("/sign-in")
                        .with(csrf())
                        .param("username", TestAccounts.username(AccessRole.HEAD_OF_SERVICE))
                        .param("password", TestAccounts.PASSWORD))
                .andReturn());
    long north = id("select id from team where name = 'Assessment Team North'");
    long cpService = id("select id from service where name = 'Child Protection and Court'");
    // The council already has Mathilde Cutsforth, entered with other capitals and spaces.
    MvcResult added =
        submit(
            "/workers/new",
            Map.ofEntries(
                Map.entry("name", "mathilde  CUTSFORTH"),
                Map.entry("role", "social-worker"),
                Map.entry("employmentType", "permanent"),
                Map.entry("fte", "1"),
                Map.entry("startDate.day", "1"),
                Map.entry("startDate.month", "9"),
                Map.entry("startDate.year", "2019"),
                Map.entry("qualificationDate.day", "1"),
                Map.entry("qualificationDate.month", "7"),
                Map.entry("qualificationDate.year", "2015"),
                Map.entry("sweRegistration", "SW880001"),
                Map.entry("teamId", String.valueOf(north))));
    assertThat(added.getResponse().getStatus()).isEqualTo(302);
    long mathilde = id("select id from worker where name = 'mathilde  CUTSFORTH'");
    // Dustin Hazlett is, in this council, a worker of Assessment Team North's under another name.
    long dustinsWorker =
        id(
            "select min(worker_id) from worker_assignment where team_id = ? and to_date is null"
                + " and worker_id <> ?",
            north,
            mathilde);
    long eventsBefore = count("select count(*) from case_event");
    long workersBefore = count("select count(*) from worker");

    // From the timeliness page to the sample.
    assertThat(page("/timeliness").select("a[href='/timeliness/annex-a']").text())
        .isEqualTo("Load your Annex A");
    MvcResult sample = submit("/timeliness/annex-a/sample", Map.of());
    assertThat(sample.getResponse().getRedirectedUrl()).isEqualTo("/timeliness/annex-a/report");

    // The report, before anything is imported.
    Document report = page("/timeliness/annex-a/report");
    assertThat(report.select("#file-name").text()).isEqualTo("annex-a-sample.xlsx");
    assertThat(report.select("#extract-date span").first().text()).isEqualTo("15 March 2021");
    assertThat(report.select("#counts").text()).isEqualTo("32 cases of 32 children, 115 events");
    assertThat(report.select("#names-count").text())
        .isEqualTo("1 of 18 workers and 0 of 12 teams match Safeload’s");
    assertThat(listRow(report, "List 3"))
        .containsExactly("List 3 (Referrals)", "List 3", "6", "6", "0");
    assertThat(listRow(report, "List 7"))
        .containsExactly("List 7 (Child protection)", "List 7", "7", "7", "0");
    assertThat(listRow(report, "List 1"))
        .containsExactly(
            "List 1 (Contacts)", "List 1", "Not used: Safeload does not measure what it holds");
    assertThat(report.select("#unallocated li").eachText())
        .hasSize(5)
        .contains("Child 12598894, the case from 9 June 2010 (List 6, row 2)");
    assertThat(report.select("#not-measured li").eachText())
        .contains(
            "Decision on a referral within 1 working day: Annex A gives the date of a referral but"
                + " not when the decision on it was made");
    assertThat(report.select("#problems")).isEmpty();
    assertThat(count("select count(*) from case_event")).isEqualTo(eventsBefore);

    // The names: Mathilde matched; Dustin to the council's worker; Locality 4 Duty Team to
    // Assessment Team North; the other 16 workers and 11 teams created, the teams in Child
    // Protection and Court.
    Document names = page("/timeliness/annex-a/names");
    assertThat(names.select("#workers-matched tbody tr td").eachText())
        // (as the page shows the stored name: a browser, like Jsoup, shows two spaces as one)
        .containsExactly("Mathilde Cutsforth", "mathilde CUTSFORTH", "4");
    assertThat(names.select(".sl-name")).hasSize(12 + 17);
    assertThat(names.select("#made-up").text()).startsWith("The sample's workers are made up");
    Map<String, String> fields = namesForm(names);
    fields.put("serviceId", String.valueOf(cpService));
    String dustin = row(fields, ref(names, "Dustin Hazlett"));
    fields.put(dustin + ".choice", String.valueOf(dustinsWorker));
    String duty = row(fields, ref(names, "Locality 4 Duty Team"));
    fields.put(duty + ".choice", String.valueOf(north));
    MvcResult imported = submit(IMPORT, fields);
    assertThat(imported.getResponse().getRedirectedUrl())
        .as(imported.getResponse().getContentAsString())
        .isEqualTo("/timeliness/annex-a/imported");

    Document done = page("/timeliness/annex-a/imported");
    assertThat(done.select("h1").text()).isEqualTo("Annex A imported");
    assertThat(done.select("#events").text()).isEqualTo("115 added, 0 already there");
    assertThat(done.select("#children").text()).isEqualTo("32 added, 0 updated, 0 already there");
    assertThat(done.select("#workers").text()).isEqualTo("16 created, 2 matched");
    assertThat(done.select("#teams").text()).isEqualTo("11 created, 1 matched");
    assertThat(done.select("#rule-set").text())
        .isEqualTo("Statutory timescales measurable from Ofsted Annex A: saved");
    assertThat(done.select("#timeliness-link").attr("href"))
        .isEqualTo("/timeliness?rules=statutory-measurable&asOf=2021-03-15");
    assertThat(done.select("#timeliness-link").text())
        .isEqualTo(
            "See timeliness as of 15 March 2021, by the statutory timescales the workbook can show");

    // What was written: Dustin's case in the council's worker's name and the new MASH team; a new
    // worker from their first allocation, in their new team, in the chosen service.
    assertThat(count("select count(*) from case_event")).isEqualTo(eventsBefore + 115);
    long mash = id("select id from team where name = 'Multi Agency Safeguarding Hub'");
    assertThat(id("select service_id from team where id = ?", mash)).isEqualTo(cpService);
    assertThat(
            jdbc.sql(
                    "select type || ' ' || coalesce(worker_ref, '') || ' ' || coalesce(team_ref, '')"
                        + " || ' ' || coalesce(detail, '') from case_event where case_ref = ?"
                        + " order by occurred_at, id")
                .param("6537810-2020-09-16")
                .query(String.class)
                .list())
        .containsExactly(
            "referral   ",
            "allocated " + dustinsWorker + " " + mash + " ",
            "meeting   strategy-discussion",
            "meeting   icpc");
    assertThat(
            count(
                "select count(distinct case_ref) from case_event where type = 'allocated' and"
                    + " worker_ref = ?",
                String.valueOf(mathilde)))
        .isEqualTo(4);
    long verdell = id("select id from worker where name = 'Verdell Arp'");
    assertThat(
            jdbc.sql("select start_date from worker where id = ?")
                .param(verdell)
                .query(java.time.LocalDate.class)
                .single())
        .isEqualTo(java.time.LocalDate.of(2020, 9, 16));
    assertThat(id("select team_id from worker_assignment where worker_id = ?", verdell))
        .isEqualTo(id("select id from team where name = 'Locality 2 Unit 1'"));
    assertThat(count("select count(*) from worker")).isEqualTo(workersBefore + 16);
    assertThat(count("select count(*) from annex_a_upload")).isZero();
    // Audited, with counts and no one's name.
    String audited =
        jdbc.sql(
                "select summary from audit_event where entity_type = 'annex-a' order by id desc"
                    + " fetch first 1 rows only")
            .query(String.class)
            .single();
    assertThat(audited)
        .isEqualTo(
            "Ofsted Annex A imported (extract date 15 March 2021): 115 events added, 0"
                + " unchanged; 32 children added; 16 workers and 11 teams created");

    // The timeliness page, as of the extract date, by the rules the workbook can measure.
    Document timeliness = page(done.select("#timeliness-link").attr("href"));
    assertThat(timeliness.select("#rule-set-name").text())
        .isEqualTo("Statutory timescales measurable from Ofsted Annex A");
    assertThat(timeliness.text()).doesNotContain("Decision on a referral within 1 working day");

    // The same workbook again. Mathilde and the created names now match; Dustin and the duty team
    // were matched by choice, so they are asked again.
    submit("/timeliness/annex-a/sample", Map.of());
    assertThat(page("/timeliness/annex-a/report").select("#names-count").text())
        .isEqualTo("17 of 18 workers and 11 of 12 teams match Safeload’s");
    names = page("/timeliness/annex-a/names");
    assertThat(names.select(".sl-name")).hasSize(2);
    fields = namesForm(names);
    dustin = row(fields, ref(names, "Dustin Hazlett"));
    duty = row(fields, ref(names, "Locality 4 Duty Team"));
    fields.put(duty + ".choice", String.valueOf(north));

    // Created this time instead: refused, all of it, naming the event that would change.
    assertThat(fields.get(dustin + ".choice")).isEqualTo("new");
    MvcResult refused = submit(IMPORT, fields);
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    assertThat(
            Jsoup.parse(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select("#file .govuk-error-message")
                .eachText())
        .contains(
            "Error: Event L3-6537810-allocated-2020-09-16 was imported before with different"
                + " details; events do not change (correct it with a corrections file instead)");
    assertThat(count("select count(*) from worker where name = 'Dustin Hazlett'")).isZero();
    assertThat(count("select count(*) from worker")).isEqualTo(workersBefore + 16);

    // With the same choices: nothing changes.
    fields.put(dustin + ".choice", String.valueOf(dustinsWorker));
    assertThat(submit(IMPORT, fields).getResponse().getRedirectedUrl())
        .isEqualTo("/timeliness/annex-a/imported");
    Document again = page("/timeliness/annex-a/imported");
    assertThat(again.select("#nothing-new").text())
        .isEqualTo(
            "Nothing was new: this workbook was imported before, and nothing in it has changed"
                + " since.");
    assertThat(again.select("#events").text()).isEqualTo("0 added, 115 already there");
    assertThat(again.select("#children").text()).isEqualTo("0 added, 0 updated, 32 already there");
    assertThat(again.select("#workers").text()).isEqualTo("0 created, 18 matched");
    assertThat(again.select("#teams").text()).isEqualTo("0 created, 12 matched");
    assertThat(again.select("#rule-set").text())
        .isEqualTo("Statutory timescales measurable from Ofsted Annex A: already saved");
    assertThat(count("select count(*) from case_event")).isEqualTo(eventsBefore + 115);

    // And through the API, the same mapping by name: nothing changes.
    String token = apiToken();
    MvcResult viaApi =
        mvc.perform(
                multipart("/api/v1/annex-a/import")
                    .file(
                        new MockMultipartFile(
                            "file", "annex-a-sample.xlsx", null, Workbooks.sample()))
                    .part(
                        mapping(
                            "{\"workers\": {\"Dustin  Hazlett\": "
                                + dustinsWorker
                                + "}, \"teams\": {\"locality 4 duty team\": "
                                + north
                                + "}}"))
                    .header("Authorization", "Bearer " + token))
            .andReturn();
    assertThat(viaApi.getResponse().getStatus())
        .as(viaApi.getResponse().getContentAsString())
        .isEqualTo(200);
    String json = viaApi.getResponse().getContentAsString();
    assertThat((Integer) JsonPath.read(json, "$.eventsAdded")).isZero();
    assertThat((Integer) JsonPath.read(json, "$.eventsUnchanged")).isEqualTo(115);
    assertThat((Integer) JsonPath.read(json, "$.workersCreated")).isZero();
    assertThat(count("select count(*) from case_event")).isEqualTo(eventsBefore + 115);
  }

  private static MockPart mapping(String json) {
    MockPart part = new MockPart("mapping", json.getBytes(StandardCharsets.UTF_8));
    part.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    return part;
  }

  @Autowired org.safeload.app.access.ApiTokens apiTokens;

  private String apiToken() {
    long id =
        accounts
            .enabledAccount(TestAccounts.username(AccessRole.HEAD_OF_SERVICE))
            .orElseThrow()
            .id();
    return org.safeload.app.access.SystemAccess.call(
            () -> apiTokens.create(id, "Annex A story", 30, false))
        .secret();
  }
}
