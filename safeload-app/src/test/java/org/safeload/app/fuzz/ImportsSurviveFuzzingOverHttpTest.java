package org.safeload.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.fuzz.Mutations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every import and document the API takes, fed seeded mutations of a valid one through HTTP (the
 * core's mutator: bytes changed, inserted, deleted, repeated and cut; NULs, invalid UTF-8, YAML
 * aliases, huge numbers): each answer is a success or a clean refusal (400, 404, 409, 413, 415),
 * never a server error; a refused input writes nothing (every data table holds exactly what it held
 * before). In a context of its own, since accepted inputs change the council.
 *
 * <p>The build sends {@value #DEFAULT_INPUTS} inputs per target; {@code
 * -Dsafeload.fuzz.http.inputs=N} more, {@code -Dsafeload.fuzz.seed=S} another seed.
 */
@SafeloadSpringTest
@TestPropertySource(properties = "safeload.test.context=http-fuzz")
class ImportsSurviveFuzzingOverHttpTest {

  static final int DEFAULT_INPUTS = 30;

  private static final Set<Integer> CLEAN = Set.of(200, 201, 204, 400, 404, 409, 413, 415);

  /** Tables whose rows may change only when an input is accepted. */
  private static final List<String> DATA =
      List.of(
          "council",
          "provider",
          "service",
          "team",
          "worker",
          "worker_assignment",
          "establishment",
          "contract",
          "contract_version",
          "child",
          "case_event",
          "case_event_correction",
          "kpi_rule_set",
          "caseload_policy",
          "handover",
          "allocation_decision");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  private MockHttpServletResponse send(
      org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request)
      throws Exception {
    return mvc.perform(request.with(httpBasic("admin", "test-admin-password")))
        .andReturn()
        .getResponse();
  }

  private String text(String path) throws Exception {
    MockHttpServletResponse r = send(get(path));
    assertThat(r.getStatus()).as(path).isEqualTo(200);
    return r.getContentAsString(StandardCharsets.UTF_8);
  }

  /** A digest of every data table's rows, to see that nothing at all was written. */
  private Map<String, String> tables() throws Exception {
    Map<String, String> digests = new LinkedHashMap<>();
    for (String table : DATA) {
      // Rows in a set, so that the order the database returns them in does not matter.
      List<String> rows = new java.util.ArrayList<>();
      jdbc.sql("select * from " + table)
          .query(
              (org.springframework.jdbc.core.RowCallbackHandler)
                  rs -> {
                    StringBuilder row = new StringBuilder();
                    int columns = rs.getMetaData().getColumnCount();
                    for (int c = 1; c <= columns; c++) {
                      row.append(rs.getObject(c)).append('\0');
                    }
                    rows.add(row.toString());
                  });
      java.util.Collections.sort(rows);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      rows.forEach(r -> sha.update((r + "\n").getBytes(StandardCharsets.UTF_8)));
      digests.put(table, rows.size() + " rows, " + HexFormat.of().formatHex(sha.digest()));
    }
    return digests;
  }

  record Target(
      byte[] seed,
      java.util.function.Function<
              byte[],
              ? extends
                  org.springframework.test.web.servlet.request
                          .AbstractMockHttpServletRequestBuilder<
                      ?>>
          request) {}

  private Target target(String name) throws Exception {
    String team = jdbc.sql("select min(id) from team").query(String.class).single();
    String worker =
        jdbc.sql("select min(worker_id) from worker_assignment where team_id = ?")
            .param(Long.parseLong(team))
            .query(String.class)
            .single();
    String teamName =
        jdbc.sql("select name from team where id = ?")
            .param(Long.parseLong(team))
            .query(String.class)
            .single();
    return switch (name) {
      case "events" ->
          new Target(
              ("event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n"
                      + "fz-1,2026-11-02T09:00,referral,FZ1,KFZ1,,"
                      + team
                      + ",,,\nfz-2,2026-11-03T09:00,allocated,FZ1,KFZ1,"
                      + worker
                      + ","
                      + team
                      + ",cin,,\nfz-3,2026-11-04T09:00,visit,FZ1,KFZ1,"
                      + worker
                      + ","
                      + team
                      + ",seen,,\n")
                  .getBytes(StandardCharsets.UTF_8),
              b -> post("/api/v1/case-events/import").contentType("text/csv").content(b));
      case "corrections" -> {
        // Its own events to correct, imported first (as the events target's are, if it ran).
        String row = ",FZC1,KFZC1," + worker + "," + team;
        MockHttpServletResponse imported =
            send(
                post("/api/v1/case-events/import")
                    .contentType("text/csv")
                    .content(
                        "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,"
                            + "due_date\nfzc-1,2026-11-03T09:00,allocated"
                            + row
                            + ",cin,,\nfzc-2,2026-11-04T09:00,visit"
                            + row
                            + ",seen,,\nfzc-3,2026-11-04T09:00,visit"
                            + row
                            + ",seen,,\n"));
        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
        yield new Target(
            ("event_id,action,reason,occurred_at,type,case_id,child_id,worker_id,team_id,detail,"
                    + "ref,due_date\nfzc-2,correct,Not seen after all,2026-11-04T09:30,visit"
                    + row
                    + ",not-seen,,\nfzc-3,withdraw,Recorded twice,,,,,,,,,\n")
                .getBytes(StandardCharsets.UTF_8),
            b -> post("/api/v1/case-events/corrections").contentType("text/csv").content(b));
      }
      case "children" ->
          new Target(
              "child_id,date_of_birth,family_group\nKFZ1,2016-02-03,FZFAM\nKFZ2,,FZFAM\n"
                  .getBytes(StandardCharsets.UTF_8),
              b -> post("/api/v1/children/import").contentType("text/csv").content(b));
      case "workers" ->
          new Target(
              ("name,role,employment_type,fte,start_date,end_date,qualification_date,"
                      + "asye_start_date,swe_registration,team\n"
                      + "Fuzz Worker,social-worker,agency,0.8,2024-03-27,2026-03-31,2015-07-01,,"
                      + "SW 900109,"
                      + teamName
                      + "\n")
                  .getBytes(StandardCharsets.UTF_8),
              b -> post("/api/v1/workers/import").contentType("text/csv").content(b));
      case "rule-set" ->
          new Target(
              text("/api/v1/kpi-rule-sets/contract")
                  .replaceFirst("(?m)^id: .*$", "id: fuzz-rules")
                  .getBytes(StandardCharsets.UTF_8),
              b -> put("/api/v1/kpi-rule-sets").contentType("application/yaml").content(b));
      case "policy" ->
          new Target(
              send(get("/api/v1/caseload-policy").accept("application/yaml"))
                  .getContentAsString(StandardCharsets.UTF_8)
                  .replaceFirst("(?m)^id: .*$", "id: fuzz-policy")
                  .getBytes(StandardCharsets.UTF_8),
              b -> put("/api/v1/caseload-policy").contentType("application/yaml").content(b));
      case "contract" ->
          new Target(
              ("id: FUZZ-1\nprovider: P\nstart: 2025-01-01\nend: 2025-06-30\nroster:\n"
                      + "  - {role: social-worker, count: 2, rate: {amount: 1234.56, per: month}}\n")
                  .getBytes(StandardCharsets.UTF_8),
              b -> post("/api/v1/contracts").contentType("application/yaml").content(b));
      case "census" ->
          new Target(
              text("/api/v1/workforce/census.xml?yearEnd=2026-09-30")
                  .getBytes(StandardCharsets.UTF_8),
              b -> post("/api/v1/workforce/census").contentType("application/xml").content(b));
      case "annex-a" -> {
        // Two referrals to one of the council's workers in their team: the names match as they
        // stand, so a workbook still read after its mutation is imported, and any other refused.
        String workerName =
            jdbc.sql("select name from worker where id = ?")
                .param(Long.parseLong(worker))
                .query(String.class)
                .single();
        byte[] workbook =
            new org.safeload.app.annexa.Workbooks()
                .sheet("List 3", org.safeload.app.annexa.Workbooks.LIST_3)
                .referral("FZA-1", java.time.LocalDate.of(2026, 9, 16), teamName, workerName)
                .referral("FZA-2", java.time.LocalDate.of(2026, 9, 17), teamName, workerName)
                .bytes();
        yield new Target(
            workbook,
            b ->
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/api/v1/annex-a/import")
                    .file(
                        new org.springframework.mock.web.MockMultipartFile(
                            "file", "fuzz.xlsx", null, b)));
      }
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "events",
        "corrections",
        "children",
        "workers",
        "rule-set",
        "policy",
        "contract",
        "census",
        "annex-a"
      })
  void everyAnswerIsASuccessOrACleanRefusalAndARefusalWritesNothing(String name) throws Exception {
    long seed = Long.getLong("safeload.fuzz.seed", 20261128L) ^ name.hashCode();
    int inputs = Integer.getInteger("safeload.fuzz.http.inputs", DEFAULT_INPUTS);
    System.out.printf("HTTP fuzz %s: %d inputs, seed %d%n", name, inputs, seed);
    Target target = target(name);
    Random random = new Random(seed);
    int refused = 0;
    Map<String, String> before = tables();
    for (int i = 0; i < inputs; i++) {
      byte[] input = i == 0 ? target.seed() : Mutations.mutate(target.seed(), random);
      MockHttpServletResponse r = send(target.request().apply(input));
      String shown = new String(input, StandardCharsets.UTF_8);
      assertThat(r.getStatus())
          .as("%s input %d (seed %d): %s%n%s", name, i, seed, r.getContentAsString(), shown)
          .isIn(CLEAN);
      if (i == 0) {
        assertThat(r.getStatus()).as("the valid seed: %s", r.getContentAsString()).isLessThan(300);
      }
      if (r.getStatus() >= 400) {
        refused++;
        assertThat(r.getContentType()).as(shown).startsWith("application/problem+json");
        assertThat(tables())
            .as("%s input %d wrote something: %s", name, i, shown)
            .isEqualTo(before);
      } else {
        before = tables();
      }
    }
    assertThat(refused).as("most mutations are refused").isPositive();
  }
}
