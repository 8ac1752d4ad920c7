package org.safeload.app.caseactivity;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.safeload.timeliness.EventLog;
import org.safeload.timeliness.EventLogImage;

/**
 * The live log kept on disk between starts, beside an embedded (H2) database's file, so that a
 * restart reads it in a second or two and then only the events stored since, instead of every
 * stored event (a region's 3.7 million take H2 12–15 s to give). ADR 0022.
 *
 * <p>It holds what the database holds (case, child, worker and team references, no names), in the
 * database's folder, readable by the app's user alone; it is written when the app stops, and thrown
 * away when a correction changes stored events in place, and whenever it does not match the
 * database at start (see {@link Kept#matches}). A damaged file fails its checksum and is thrown
 * away.
 */
final class LiveLogImage {

  private static final byte[] MAGIC =
      "SLLIVE\u0000\u0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final Path file;

  private LiveLogImage(Path file) {
    this.file = file;
  }

  /**
   * Where the image of the log of a database is kept: beside an H2 file database ({@code
   * jdbc:h2:file:./data/safeload} → {@code ./data/safeload.live-log}); none for any other database
   * (PostgreSQL's binary COPY reads a region in about 4 s, and several instances may share it).
   */
  static java.util.Optional<LiveLogImage> forDatabase(String jdbcUrl) {
    String prefix = "jdbc:h2:file:";
    if (jdbcUrl == null || !jdbcUrl.startsWith(prefix)) {
      return java.util.Optional.empty();
    }
    String path = jdbcUrl.substring(prefix.length());
    int options = path.indexOf(';');
    if (options >= 0) {
      path = path.substring(0, options);
    }
    if (path.isBlank()) {
      return java.util.Optional.empty();
    }
    if (path.startsWith("~")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return java.util.Optional.of(new LiveLogImage(Path.of(path + ".live-log")));
  }

  Path file() {
    return file;
  }

  /**
   * A log as kept, with what it was read up to: the change and rebuild numbers it held, the highest
   * row number read, how many rows were stored up to it, and the event id of that row.
   */
  record Kept(
      EventLog log,
      long version,
      long rebuilt,
      long lastId,
      long storedRows,
      String lastEventId,
      Map<String, List<Integer>> waitingForRef) {

    /**
     * Whether the database still holds what the log was read from: no correction since (the rebuild
     * number), the change number not gone back (a database restored from an older copy), as many
     * rows up to the last one read, and that row the same event.
     */
    boolean matches(long version, long rebuilt, long storedRows, String lastEventId) {
      return rebuilt == this.rebuilt
          && version >= this.version
          && storedRows == this.storedRows
          && java.util.Objects.equals(lastEventId, this.lastEventId);
    }
  }

  /** Writes the image (to a new file first, then moved into place), readable by its owner only. */
  void write(Kept kept) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path partial = dir.resolve(file.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          partial,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    try (FileChannel channel =
        FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      OutputStream raw = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      CRC32C crc = new CRC32C();
      DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
      out.write(MAGIC);
      out.writeLong(kept.version());
      out.writeLong(kept.rebuilt());
      out.writeLong(kept.lastId());
      out.writeLong(kept.storedRows());
      out.writeBoolean(kept.lastEventId() != null);
      out.writeUTF(kept.lastEventId() == null ? "" : kept.lastEventId());
      out.writeInt(kept.waitingForRef().size());
      for (Map.Entry<String, List<Integer>> waiting : kept.waitingForRef().entrySet()) {
        out.writeUTF(waiting.getKey());
        out.writeInt(waiting.getValue().size());
        for (int row : waiting.getValue()) {
          out.writeInt(row);
        }
      }
      out.flush();
      EventLogImage.write(kept.log(), out);
      out.flush();
      new DataOutputStream(raw).writeLong(crc.getValue());
      raw.flush();
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads the image, or answers null if there is none.
   *
   * @throws IOException if it cannot be read, is of another version, or fails its checksum
   */
  Kept read() throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      CRC32C crc = new CRC32C();
      DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IOException("Not a kept live log of this version");
      }
      long version = in.readLong();
      long rebuilt = in.readLong();
      long lastId = in.readLong();
      long storedRows = in.readLong();
      boolean hasLastEventId = in.readBoolean();
      String lastEventId = in.readUTF();
      int waitingRefs = in.readInt();
      if (waitingRefs < 0) {
        throw new IOException("A kept live log's count is out of range");
      }
      Map<String, List<Integer>> waiting = new LinkedHashMap<>();
      for (int i = 0; i < waitingRefs; i++) {
        String ref = in.readUTF();
        int rows = in.readInt();
        if (rows < 0) {
          throw new IOException("A kept live log's count is out of range");
        }
        List<Integer> referring = new ArrayList<>(Math.min(rows, 1024));
        for (int r = 0; r < rows; r++) {
          referring.add(in.readInt());
        }
        waiting.put(ref, referring);
      }
      EventLog log = EventLogImage.read(in);
      long expected = crc.getValue();
      long written = new DataInputStream(raw).readLong();
      if (written != expected || raw.read() != -1) {
        throw new IOException("A kept live log fails its checksum");
      }
      for (List<Integer> referring : waiting.values()) {
        for (int row : referring) {
          if (row < 0 || row >= log.size()) {
            throw new IOException("A kept live log's waiting reference is out of range");
          }
        }
      }
      return new Kept(
          log, version, rebuilt, lastId, storedRows, hasLastEventId ? lastEventId : null, waiting);
    }
  }

  /** Throws the image away (if there is one). */
  void discard() throws IOException {
    Files.deleteIfExists(file);
  }
}
