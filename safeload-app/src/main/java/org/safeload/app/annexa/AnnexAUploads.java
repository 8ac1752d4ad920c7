package org.safeload.app.annexa;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.annexa.persistence.UploadRepository;
import org.safeload.app.audit.AuditLog;
import org.safeload.extract.Extract;
import org.safeload.extract.ExtractOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workbooks uploaded through the pages, kept between the steps (the mapping report, the names, the
 * import) in the database (V19), so that whichever app instance serves the next step has it; each
 * is its uploader's alone, under a random token the page's session holds. A person has one at a
 * time; it goes when it is imported, or a day after it was uploaded.
 *
 * <p>What a workbook was read as is kept in memory for the last few, so a step does not read it
 * again; another instance reads it from the database.
 */
@Service
@Transactional(readOnly = true)
public class AnnexAUploads {

  /** How long an upload is kept when it is not imported. */
  static final Duration KEPT_FOR = Duration.ofDays(1);

  /** How many read workbooks one instance keeps in memory. */
  private static final int CACHED = 4;

  private final UploadRepository uploads;
  private final AnnexAImports imports;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Extract> read =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Extract> eldest) {
          return size() > CACHED;
        }
      };

  private final TransactionTemplate writing;
  private final TransactionTemplate reading;

  AnnexAUploads(
      UploadRepository uploads,
      AnnexAImports imports,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.writing = new TransactionTemplate(transactions);
    this.reading = new TransactionTemplate(transactions);
    reading.setReadOnly(true);
    this.uploads = uploads;
    this.imports = imports;
    this.clock = clock;
  }

  /**
   * An upload kept between the steps: its token, the name it was uploaded as, and how it is read.
   */
  public record Staged(String token, String fileName, boolean skipInvalid, LocalDate extractDate)
      implements Serializable {

    ExtractOptions options() {
      return new ExtractOptions(extractDate, skipInvalid);
    }
  }

  /**
   * Reads an uploaded workbook (refusing a file that is not one, or is larger than {@link
   * AnnexAImports#MAX_BYTES}) and keeps it for the next steps, in place of any its uploader had.
   */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Staged stage(InputStream workbook, String fileName, ExtractOptions options) {
    Path file = AnnexAImports.spool(workbook);
    try {
      String name = fileName(fileName);
      // Read before the transaction: a large workbook takes seconds, and holds no connection.
      Extract x = imports.read(file, name, options);
      String owner = AuditLog.actor();
      String token = token();
      writing.executeWithoutResult(
          status -> {
            uploads.deleteOwnedBy(owner);
            uploads.deleteUploadedBefore(clock.instant().minus(KEPT_FOR));
            try (InputStream in = Files.newInputStream(file)) {
              uploads.insert(
                  new UploadRepository.Upload(
                      token,
                      owner,
                      name,
                      0,
                      options.skipInvalid(),
                      options.extractDate(),
                      clock.instant()),
                  in);
            } catch (IOException e) {
              throw new UncheckedIOException("Could not keep the uploaded workbook", e);
            }
          });
      Staged staged = new Staged(token, name, options.skipInvalid(), options.extractDate());
      remember(staged, x);
      return staged;
    } finally {
      AnnexAImports.delete(file);
    }
  }

  /**
   * The upload with this token, if it is the signed-in person's and is still kept; one kept for
   * longer than {@link #KEPT_FOR} is deleted now.
   */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Optional<Staged> find(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    Optional<UploadRepository.Upload> found =
        reading.execute(status -> uploads.find(token, AuditLog.actor()));
    if (found.isPresent() && !found.get().uploadedAt().isAfter(clock.instant().minus(KEPT_FOR))) {
      writing.executeWithoutResult(status -> uploads.delete(token));
      forget(token);
      return Optional.empty();
    }
    return found.map(u -> new Staged(u.token(), u.fileName(), u.skipInvalid(), u.extractDate()));
  }

  /**
   * Deletes every upload kept for longer than {@link #KEPT_FOR}, hourly, whether or not anyone
   * comes back for it: a workbook holds children's details, and is kept no longer than needed. Any
   * instance may run it; deleting what another already deleted does nothing.
   */
  @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
  @Transactional
  public void deleteExpired() {
    uploads.deleteUploadedBefore(clock.instant().minus(KEPT_FOR));
  }

  /** What an upload was read as (read again from the database when this instance has not). */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Extract extract(Staged staged) {
    String key = key(staged);
    synchronized (read) {
      Extract known = read.get(key);
      if (known != null) {
        return known;
      }
    }
    Path file = null;
    try {
      file = Files.createTempFile("safeload-annex-a-", ".xlsx");
      Path into = file;
      reading.executeWithoutResult(
          status -> {
            try (OutputStream out = Files.newOutputStream(into)) {
              uploads.copyTo(staged.token(), out);
            } catch (IOException e) {
              throw new UncheckedIOException("Could not read the kept workbook", e);
            }
          });
      Extract x = imports.read(file, staged.fileName(), staged.options());
      remember(staged, x);
      return x;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the kept workbook", e);
    } finally {
      AnnexAImports.delete(file);
    }
  }

  /** Reads the upload again skipping the rows that cannot be read. */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional
  public Staged skipInvalid(Staged staged) {
    uploads.setSkipInvalid(staged.token(), true);
    return new Staged(staged.token(), staged.fileName(), true, staged.extractDate());
  }

  /** Forgets an upload (once imported). */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional
  public void discard(Staged staged) {
    uploads.delete(staged.token());
    forget(staged.token());
  }

  private void forget(String token) {
    synchronized (read) {
      read.keySet().removeIf(k -> k.startsWith(token + "/"));
    }
  }

  private void remember(Staged staged, Extract x) {
    synchronized (read) {
      read.put(key(staged), x);
    }
  }

  private static String key(Staged staged) {
    return staged.token() + "/" + staged.skipInvalid() + "/" + staged.extractDate();
  }

  private String token() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The name a file was uploaded as, without any folder a browser sent, at most 200 characters. */
  static String fileName(String uploaded) {
    String name = uploaded == null ? "" : uploaded.strip();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1).replaceAll("\\p{Cntrl}", "");
    if (name.isBlank()) {
      return "workbook.xlsx";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }
}
