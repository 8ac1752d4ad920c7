package org.safeload.app.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit trail's keyed hashes (HMAC-SHA256), with the key from configuration: {@code
 * safeload.audit.key} (SAFELOAD_AUDIT_KEY, at least 32 characters), or else the key file {@code
 * safeload.audit.key-file}, created with a random key on first start. The key is never in the
 * database, so whoever can change the database cannot forge an entry's hash.
 *
 * <p>What is hashed is documented in docs/architecture.md so that an auditor can check the trail
 * with their own tools: each value in order, a string as its UTF-8 length (4 bytes, big-endian, -1
 * for none) then its bytes, a number as 8 bytes big-endian.
 */
@Component
public class AuditSeal {

  private static final Logger log = LoggerFactory.getLogger(AuditSeal.class);

  /** The shortest key accepted, in characters. */
  public static final int MIN_KEY = 32;

  private final SecretKeySpec key;

  @org.springframework.beans.factory.annotation.Autowired
  AuditSeal(
      @Value("${safeload.audit.key:}") String configured,
      @Value("${safeload.audit.key-file:./data/audit-key}") Path file) {
    this(configured.isBlank() ? fromFile(file) : configured);
  }

  /** A seal with this key (at least {@link #MIN_KEY} characters). */
  public AuditSeal(String key) {
    if (key.strip().length() < MIN_KEY) {
      throw new IllegalStateException(
          "The audit trail's key (safeload.audit.key) must be at least " + MIN_KEY + " characters");
    }
    this.key = new SecretKeySpec(key.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  private static String fromFile(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the folder's own permissions protect it.
      }
      log.warn(
          "Created the audit trail's key in {}: keep it, and back it up apart from the database."
              + " In production give it as SAFELOAD_AUDIT_KEY.",
          file.toAbsolutePath());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the audit key file " + file, e);
    }
  }

  /** The hash of an entry's own values, written with it. */
  public String rowMac(
      Instant at, String actor, String action, String entityType, String entityId, String summary) {
    return mac(
        out -> {
          out.writeLong(at.getEpochSecond());
          out.writeLong(at.getNano());
          string(out, actor);
          string(out, action);
          string(out, entityType);
          string(out, entityId);
          string(out, summary);
        });
  }

  /** The hash that puts an entry in the chain: after {@code previous}, at {@code seq}. */
  public String chainMac(String previous, long seq, long id, String rowMac) {
    return mac(
        out -> {
          string(out, previous);
          out.writeLong(seq);
          out.writeLong(id);
          string(out, rowMac);
        });
  }

  private interface Writes {
    void to(DataOutputStream out) throws IOException;
  }

  private String mac(Writes values) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        values.to(out);
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(bytes.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static void string(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }
}
