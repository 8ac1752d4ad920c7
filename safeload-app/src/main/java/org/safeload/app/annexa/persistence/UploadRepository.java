package org.safeload.app.annexa.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The annex_a_upload tables (V19): a workbook uploaded through the pages, kept between its steps in
 * parts of at most {@link #PART} bytes, written and read one part at a time.
 */
@Repository
public class UploadRepository {

  /** The largest part stored in one row. */
  public static final int PART = 1 << 20;

  /** An upload as stored (its bytes are read with {@link #copyTo}). */
  public record Upload(
      String token,
      String owner,
      String fileName,
      long size,
      boolean skipInvalid,
      LocalDate extractDate,
      Instant uploadedAt) {}

  private final JdbcClient jdbc;

  UploadRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores an upload and its bytes, read from the stream a part at a time.
   *
   * @return the number of bytes stored
   */
  public long insert(Upload upload, InputStream bytes) throws IOException {
    jdbc.sql(
            "insert into annex_a_upload (token, owner, file_name, size_bytes, skip_invalid,"
                + " extract_date, uploaded_at) values (?, ?, ?, 0, ?, ?, ?)")
        .params(
            upload.token(),
            upload.owner(),
            upload.fileName(),
            upload.skipInvalid(),
            upload.extractDate() == null ? null : Date.valueOf(upload.extractDate()),
            Timestamp.from(upload.uploadedAt()))
        .update();
    long size = 0;
    int seq = 0;
    byte[] part = new byte[PART];
    while (true) {
      int filled = bytes.readNBytes(part, 0, PART);
      if (filled == 0) {
        break;
      }
      jdbc.sql("insert into annex_a_upload_part (token, seq, bytes) values (?, ?, ?)")
          .params(upload.token(), seq++, filled == PART ? part : Arrays.copyOf(part, filled))
          .update();
      size += filled;
      if (filled < PART) {
        break;
      }
    }
    jdbc.sql("update annex_a_upload set size_bytes = ? where token = ?")
        .params(size, upload.token())
        .update();
    return size;
  }

  /** The upload with this token, if its owner is the one asking. */
  public Optional<Upload> find(String token, String owner) {
    return jdbc.sql("select * from annex_a_upload where token = ? and owner = ?")
        .params(token, owner)
        .query(
            (rs, n) -> {
              Date extract = rs.getDate("extract_date");
              return new Upload(
                  rs.getString("token"),
                  rs.getString("owner"),
                  rs.getString("file_name"),
                  rs.getLong("size_bytes"),
                  rs.getBoolean("skip_invalid"),
                  extract == null ? null : extract.toLocalDate(),
                  rs.getTimestamp("uploaded_at").toInstant());
            })
        .optional();
  }

  /** Writes an upload's bytes, one part at a time (no more than a part is held at once). */
  public void copyTo(String token, OutputStream out) throws IOException {
    List<Integer> parts =
        jdbc.sql("select seq from annex_a_upload_part where token = ? order by seq")
            .param(token)
            .query(Integer.class)
            .list();
    for (int seq : parts) {
      byte[] bytes =
          jdbc.sql("select bytes from annex_a_upload_part where token = ? and seq = ?")
              .params(token, seq)
              .query((rs, n) -> rs.getBytes(1))
              .single();
      out.write(bytes);
    }
  }

  public void setSkipInvalid(String token, boolean skipInvalid) {
    jdbc.sql("update annex_a_upload set skip_invalid = ? where token = ?")
        .params(skipInvalid, token)
        .update();
  }

  public void delete(String token) {
    jdbc.sql("delete from annex_a_upload_part where token = ?").param(token).update();
    jdbc.sql("delete from annex_a_upload where token = ?").param(token).update();
  }

  /** Removes an owner's uploads (before they upload another). */
  public int deleteOwnedBy(String owner) {
    List<String> tokens =
        jdbc.sql("select token from annex_a_upload where owner = ?")
            .param(owner)
            .query(String.class)
            .list();
    tokens.forEach(this::delete);
    return tokens.size();
  }

  /** Removes the uploads made before an instant (left half way through). */
  public int deleteUploadedBefore(Instant before) {
    List<String> tokens =
        jdbc.sql("select token from annex_a_upload where uploaded_at < ?")
            .param(Timestamp.from(before))
            .query(String.class)
            .list();
    tokens.forEach(this::delete);
    return tokens.size();
  }
}
