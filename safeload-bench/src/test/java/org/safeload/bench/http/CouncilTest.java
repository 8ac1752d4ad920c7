package org.safeload.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CouncilTest {

  @TempDir Path dir;

  @Test
  void eachTeamGetsTheManagerWhoWritesItsOversightNotes() throws Exception {
    Files.writeString(
        dir.resolve("workers.csv"),
        """
        name,role,employment_type,fte,start_date,end_date,qualification_date,asye_start_date,swe_registration,team
        Worker 1,social-worker,permanent,1,2022-03-01,,2019-07-01,,SW900001,Assessment Team North
        Worker 2,social-worker,managed-service,1,2021-11-20,,2018-07-01,,SW900002,"Brightpath, Care"
        """);
    Files.writeString(
        dir.resolve("teams.csv"),
        """
        team_id,name,kind,provider
        T1,Assessment Team North,substantive,
        T2,"Brightpath, Care",project,Brightpath
        """);
    Path to = dir.resolve("out.csv");
    Map<String, String> managers = Council.withManagers(dir, to);
    assertThat(managers)
        .containsExactly(Map.entry("MT1", "SW800001"), Map.entry("MT2", "SW800002"));
    // In post since the earliest worker (2021-11-20), qualified five years before, mid-year.
    assertThat(Files.readAllLines(to))
        .endsWith(
            "Team manager 1,team-manager,permanent,1,2021-11-20,,2016-07-01,,SW800001,Assessment"
                + " Team North",
            "Team manager 2,team-manager,managed-service,1,2021-11-20,,2016-07-01,,SW800002,"
                + "\"Brightpath, Care\"")
        .hasSize(5);
  }

  @Test
  void theEventFileGetsTheAppsIdsAndGivesItsCases() throws Exception {
    Files.writeString(
        dir.resolve("events.csv"),
        """
        event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date
        E1,2022-05-30T09:51,referral,C1,K1,,T2,,,
        E2,2022-06-07T04:27,oversight-note,C1,K1,MT2,T2,,,
        E3,2022-06-08T10:00,visit,C2,K2,W1,T1,,,
        E4,2022-06-09T10:00,supervision,,,W1,T1,,,
        """);
    Set<String> cases = new LinkedHashSet<>();
    int rows =
        Council.rewrite(
            dir.resolve("events.csv"),
            dir.resolve("out.csv"),
            Map.of("T1", 11L, "T2", 12L),
            Map.of("W1", "101", "MT2", "105"),
            cases);
    assertThat(rows).isEqualTo(4);
    // A supervision is a worker's, not a case's: no blank case to read.
    assertThat(cases).containsExactly("C1", "C2");
    assertThat(Files.readAllLines(dir.resolve("out.csv")))
        .containsExactly(
            "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date",
            "E1,2022-05-30T09:51,referral,C1,K1,,12,,,",
            "E2,2022-06-07T04:27,oversight-note,C1,K1,105,12,,,",
            "E3,2022-06-08T10:00,visit,C2,K2,101,11,,,",
            "E4,2022-06-09T10:00,supervision,,,101,11,,,");
    assertThatThrownBy(
            () ->
                Council.rewrite(
                    dir.resolve("events.csv"),
                    dir.resolve("out.csv"),
                    Map.of("T1", 11L, "T2", 12L),
                    Map.of("W1", "101"),
                    new LinkedHashSet<>()))
        .isInstanceOf(BenchFailure.class)
        .hasMessage("Line 2: unknown worker MT2");
  }
}
