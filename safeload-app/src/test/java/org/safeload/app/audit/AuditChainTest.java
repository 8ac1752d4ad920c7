package org.safeload.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.audit.persistence.AuditRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail is chained with keyed hashes: every entry is sealed in order, an auditor can
 * recompute the hashes from the documented recipe, and an entry edited, deleted, moved or added in
 * the database is found. Each test puts the database back as it was and sees the trail intact
 * again, so the check depends on the values, not on anything else the test did.
 */
@SafeloadSpringTest
class AuditChainTest {

  /** The test profile's key (application-test.yml). */
  private static final String KEY = "test-audit-key-at-least-32-characters-long";

  @Autowired AuditLog audit;
  @Autowired AuditChain chain;
  @Autowired AuditRepository repository;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;

  private org.springframework.mock.web.MockHttpServletResponse get(String path) throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic(
                        "admin", "test-admin-password")))
        .andReturn()
        .getResponse();
  }

  @Test
  void theCheckPageSaysWhetherTheTrailIsIntactAndNamesWhatIsWrong() throws Exception {
    long id = record("Changed the name");
    org.jsoup.nodes.Document intact =
        org.jsoup.Jsoup.parse(get("/admin/audit/check").getContentAsString());
    assertThat(intact.selectFirst("h1").text()).isEqualTo("Check the audit trail");
    assertThat(intact.selectFirst("#intact")).isNotNull();
    assertThat(intact.selectFirst("#sealed").text().replace(",", ""))
        .isEqualTo(String.valueOf(chain.check().sealed()));
    jdbc.sql("update audit_event set actor = 'someone' where id = ?").param(id).update();
    org.jsoup.nodes.Document broken =
        org.jsoup.Jsoup.parse(get("/admin/audit/check").getContentAsString());
    assertThat(broken.selectFirst("#intact")).isNull();
    assertThat(broken.selectFirst(".govuk-error-summary__title").text())
        .isEqualTo("The trail is not intact");
    assertThat(broken.select("#problems tbody tr").eachText())
        .containsExactly(
            "Entry "
                + id
                + " "
                + row(id).get("seq")
                + " Its values were changed after it was written");
    jdbc.sql("update audit_event set actor = 'system' where id = ?").param(id).update();
    assertThat(chain.check().intact()).isTrue();
  }

  @Test
  void theExportIsASpreadsheetOfTheFilteredEntriesWithFormulasNeutralisedAndIsItselfAudited()
      throws Exception {
    audit.record("update", "team", 1, "=HYPERLINK(\"http://x\") in the details, searchable");
    audit.record("update", "team", 1, "Another, with a comma, searchable");
    audit.flushAndSeal();
    var response = get("/admin/audit.csv?q=SEARCHABLE&action=update");
    assertThat(response.getContentType()).startsWith("text/csv");
    assertThat(response.getHeader("Content-Disposition")).contains("audit-trail.csv");
    List<String> lines = response.getContentAsString().lines().toList();
    assertThat(lines.getFirst())
        .isEqualTo("when_london,when_utc,username,person,action,record_type,record,details,entry");
    // Newest first; the test clock is 24 November 2026 12:00 UTC (London is on GMT then).
    assertThat(lines.subList(1, lines.size()))
        .hasSize(2)
        .satisfies(
            rows -> {
              assertThat(rows.get(0))
                  .startsWith(
                      "2026-11-24 12:00:00,2026-11-24T12:00:00Z,system,Safeload (system),Changed,")
                  .contains(",\"Another, with a comma, searchable\",");
              assertThat(rows.get(1))
                  .contains(",\"'=HYPERLINK(\"\"http://x\"\") in the details, searchable\",");
            });
    audit.flushAndSeal();
    assertThat(
            jdbc.sql(
                    "select summary from audit_event where action = 'exported' order by id desc"
                        + " fetch first 1 rows only")
                .query(String.class)
                .single())
        .isEqualTo("audit trail exported: 2 entries");
  }

  @BeforeEach
  void everythingSealedAndIntact() {
    audit.flushAndSeal();
    assertThat(chain.check().problems()).isEmpty();
  }

  private long record(String summary) {
    audit.record("update", "team", 1, summary);
    audit.flushAndSeal();
    return jdbc.sql("select max(id) from audit_event").query(Long.class).single();
  }

  private Map<String, Object> row(long id) {
    return jdbc.sql("select * from audit_event where id = ?").param(id).query().singleRow();
  }

  private static String hmac(byte[] message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message));
  }

  /** The recipe in docs/architecture.md, written again with a ByteBuffer. */
  private static void put(ByteBuffer b, String s) {
    if (s == null) {
      b.putInt(-1);
    } else {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      b.putInt(utf8.length).put(utf8);
    }
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.position()];
    b.flip().get(out);
    return out;
  }

  @Test
  void entriesAreSealedInOrderWithHashesAnAuditorCanRecompute() throws Exception {
    long first = record("Changed the name, ü");
    long second = record("Changed the service");
    Map<String, Object> a = row(first);
    Map<String, Object> b = row(second);
    assertThat((Long) b.get("seq")).isEqualTo((Long) a.get("seq") + 1);

    Instant at =
        b.get("occurred_at") instanceof Timestamp t
            ? t.toInstant()
            : ((java.time.OffsetDateTime) b.get("occurred_at")).toInstant();
    ByteBuffer own = ByteBuffer.allocate(1024);
    own.putLong(at.getEpochSecond()).putLong(at.getNano());
    put(own, "system");
    put(own, "update");
    put(own, "team");
    put(own, "1");
    put(own, "Changed the service");
    String rowMac = hmac(bytes(own));
    assertThat(b.get("row_mac")).isEqualTo(rowMac);

    ByteBuffer chained = ByteBuffer.allocate(1024);
    put(chained, (String) a.get("mac"));
    chained.putLong((Long) b.get("seq")).putLong(second);
    put(chained, rowMac);
    assertThat(b.get("mac")).isEqualTo(hmac(bytes(chained)));

    AuditChain.Check check = chain.check();
    assertThat(check.intact()).isTrue();
    assertThat(check.lastSeq()).isEqualTo((Long) b.get("seq"));
    assertThat(check.sealed())
        .isEqualTo(
            jdbc.sql("select count(*) from audit_event where seq is not null")
                .query(Long.class)
                .single());
  }

  @Test
  void anEntryChangedInTheDatabaseIsFound() {
    long id = record("Changed the name");
    jdbc.sql("update audit_event set summary = 'Nothing happened' where id = ?").param(id).update();
    AuditChain.Check check = chain.check();
    assertThat(check.intact()).isFalse();
    assertThat(check.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).isEqualTo(id);
              assertThat(p.what()).isEqualTo("its values were changed after it was written");
            });
    jdbc.sql("update audit_event set summary = 'Changed the name' where id = ?").param(id).update();
    assertThat(chain.check().intact()).isTrue();
  }

  @Test
  void anEntryDeletedFromTheMiddleIsFound() {
    long deleted = record("First");
    long next = record("Second");
    Map<String, Object> saved = row(deleted);
    jdbc.sql("delete from audit_event where id = ?").param(deleted).update();
    AuditChain.Check check = chain.check();
    assertThat(check.problems())
        .extracting(AuditChain.Problem::id, AuditChain.Problem::what)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                next, "the entry before it in the chain is missing"));
    put(saved);
    assertThat(chain.check().intact()).isTrue();
  }

  @Test
  void entriesSwappedInTheChainAreFound() {
    long a = record("First");
    long b = record("Second");
    long seqA = (Long) row(a).get("seq");
    long seqB = (Long) row(b).get("seq");
    swap(a, b, seqA, seqB);
    AuditChain.Check check = chain.check();
    assertThat(check.intact()).isFalse();
    assertThat(check.problems()).extracting(AuditChain.Problem::id).contains(a, b);
    swap(a, b, seqB, seqA);
    assertThat(chain.check().intact()).isTrue();
  }

  private void swap(long a, long b, long seqA, long seqB) {
    transactions.executeWithoutResult(
        s -> {
          jdbc.sql("update audit_event set seq = -1 where id = ?").param(a).update();
          jdbc.sql("update audit_event set seq = ? where id = ?").params(seqA, b).update();
          jdbc.sql("update audit_event set seq = ? where id = ?").params(seqB, a).update();
        });
  }

  @Test
  void theNewestEntriesDeletedAreFound() {
    long last = record("Last");
    Map<String, Object> saved = row(last);
    jdbc.sql("delete from audit_event where id = ?").param(last).update();
    assertThat(chain.check().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.what()).startsWith("1 of the newest entries are missing"));
    put(saved);
    assertThat(chain.check().intact()).isTrue();
  }

  @Test
  void anEntryAddedInTheDatabaseIsNeverSealedAndIsFound() {
    jdbc.sql(
            "insert into audit_event (occurred_at, actor, action, entity_type, summary, row_mac)"
                + " values (?, 'admin', 'update', 'team', 'Forged', ?)")
        .params(Timestamp.from(Instant.parse("2026-11-24T10:00:00Z")), "0".repeat(64))
        .update();
    long forged = jdbc.sql("select max(id) from audit_event").query(Long.class).single();
    assertThat(chain.seal()).isZero();
    assertThat(row(forged).get("seq")).isNull();
    assertThat(chain.check().problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).isEqualTo(forged);
              assertThat(p.seq()).isNull();
              assertThat(p.what()).startsWith("it was not written by Safeload");
            });
    jdbc.sql("delete from audit_event where id = ?").param(forged).update();
    assertThat(chain.check().intact()).isTrue();
  }

  @Test
  void withAnotherKeyNothingChecks() {
    record("Anything");
    AuditChain other =
        new AuditChain(
            repository, new AuditSeal("another-key-that-is-32-characters-or-more"), transactions);
    AuditChain.Check check = other.check();
    // Every sealed entry fails (the list holds the first hundred; all are counted).
    assertThat(check.problemCount()).isGreaterThanOrEqualTo(check.sealed());
    assertThat(check.problems()).hasSize((int) Math.min(AuditChain.LISTED, check.problemCount()));
  }

  @Test
  void aShortKeyIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuditSeal("short"))
        .hasMessageContaining("at least 32 characters");
  }

  /** Puts a deleted row back exactly as it was, with its id. */
  private void put(Map<String, Object> r) {
    List<String> columns = List.copyOf(r.keySet());
    jdbc.sql(
            "insert into audit_event ("
                + String.join(", ", columns)
                + ") values ("
                + String.join(", ", columns.stream().map(c -> "?").toList())
                + ")")
        .params(columns.stream().map(r::get).toList())
        .update();
  }
}
