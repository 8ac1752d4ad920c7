package org.safeload.app.annexa.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An uploaded workbook kept between the pages' steps (V19), on each database: its bytes come back
 * exactly as they went in, across parts of a megabyte; it is found only by its owner; and it goes,
 * parts and all, when it is deleted, when its owner uploads another, or when it is a day old.
 */
abstract class UploadStagingContract {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private JdbcClient jdbc;
  private UploadRepository uploads;

  /** A database migrated by Flyway as the app migrates it. */
  abstract DataSource dataSource();

  @BeforeEach
  void migrate() {
    DataSource dataSource = dataSource();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(dataSource);
    uploads = new UploadRepository(jdbc);
  }

  /** Seeded bytes that do not compress, so a part boundary falls in the middle of real data. */
  private static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static UploadRepository.Upload upload(String token, String owner, Instant at) {
    return new UploadRepository.Upload(
        token, owner, "annex-a.xlsx", 0, false, LocalDate.of(2021, 3, 15), at);
  }

  private long parts(String token) {
    return jdbc.sql("select count(*) from annex_a_upload_part where token = ?")
        .param(token)
        .query(Long.class)
        .single();
  }

  @Test
  void aWorkbookComesBackByteForByteAcrossItsParts() throws Exception {
    // 2.5 MB: two full parts of 1,048,576 bytes and a last one of 524,288.
    byte[] workbook = bytes(5 * (UploadRepository.PART / 2), 1);
    long stored =
        uploads.insert(upload("t-bytes", "alice", NOW), new ByteArrayInputStream(workbook));
    assertThat(stored).isEqualTo(2_621_440);
    assertThat(parts("t-bytes")).isEqualTo(3);

    var found = uploads.find("t-bytes", "alice").orElseThrow();
    assertThat(found.size()).isEqualTo(2_621_440);
    assertThat(found.fileName()).isEqualTo("annex-a.xlsx");
    assertThat(found.extractDate()).isEqualTo(LocalDate.of(2021, 3, 15));
    assertThat(found.skipInvalid()).isFalse();
    assertThat(found.uploadedAt()).isEqualTo(NOW);
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    uploads.copyTo("t-bytes", back);
    assertThat(back.toByteArray()).isEqualTo(workbook);

    // Exactly one part's worth is one part, not a second empty one.
    uploads.insert(
        upload("t-one", "alice2", NOW), new ByteArrayInputStream(bytes(UploadRepository.PART, 2)));
    assertThat(parts("t-one")).isEqualTo(1);
  }

  @Test
  void onlyItsOwnerFindsIt() throws Exception {
    uploads.insert(upload("t-owner", "bob", NOW), new ByteArrayInputStream(bytes(10, 3)));
    assertThat(uploads.find("t-owner", "bob")).isPresent();
    assertThat(uploads.find("t-owner", "carol")).isEmpty();
    assertThat(uploads.find("t-nothing", "bob")).isEmpty();
  }

  @Test
  void skippingUnreadableRowsIsKept() throws Exception {
    uploads.insert(upload("t-skip", "dan", NOW), new ByteArrayInputStream(bytes(10, 4)));
    uploads.setSkipInvalid("t-skip", true);
    assertThat(uploads.find("t-skip", "dan").orElseThrow().skipInvalid()).isTrue();
  }

  @Test
  void itGoesWithItsPartsWhenDeletedReplacedOrADayOld() throws Exception {
    uploads.insert(upload("t-del", "erin", NOW), new ByteArrayInputStream(bytes(100, 5)));
    uploads.delete("t-del");
    assertThat(uploads.find("t-del", "erin")).isEmpty();
    assertThat(parts("t-del")).isZero();

    uploads.insert(upload("t-first", "frank", NOW), new ByteArrayInputStream(bytes(100, 6)));
    uploads.insert(upload("t-other", "grace", NOW), new ByteArrayInputStream(bytes(100, 7)));
    assertThat(uploads.deleteOwnedBy("frank")).isEqualTo(1);
    assertThat(uploads.find("t-first", "frank")).isEmpty();
    assertThat(parts("t-first")).isZero();
    assertThat(uploads.find("t-other", "grace")).isPresent();

    // Uploaded 25 hours and 23 hours before now: the cut-off a day back takes the first only.
    Instant old = NOW.minusSeconds(25 * 3600);
    Instant recent = NOW.minusSeconds(23 * 3600);
    uploads.insert(upload("t-old", "heidi", old), new ByteArrayInputStream(bytes(100, 8)));
    uploads.insert(upload("t-recent", "ivan", recent), new ByteArrayInputStream(bytes(100, 9)));
    uploads.deleteUploadedBefore(NOW.minusSeconds(24 * 3600));
    assertThat(uploads.find("t-old", "heidi")).isEmpty();
    assertThat(parts("t-old")).isZero();
    assertThat(uploads.find("t-recent", "ivan")).isPresent();
  }
}
