package org.safeload.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Seeded mutations of a valid file, biased towards what breaks readers of CSV and YAML. */
public final class Mutations {

  private static final byte[][] SPECIAL = {
    bytes(","),
    bytes("\""),
    bytes("\n"),
    bytes("\r"),
    bytes("\r\n"),
    bytes("\u0000"),
    {(byte) 0xFF},
    {(byte) 0xC3},
    {(byte) 0xE2, (byte) 0x80},
    bytes(" "),
    bytes("\u00a0"),
    bytes(":"),
    bytes("-"),
    bytes("&a "),
    bytes("*a"),
    bytes("{"),
    bytes("}"),
    bytes("["),
    bytes("]"),
    bytes("#"),
    bytes("'"),
    bytes("\t"),
    bytes("|"),
    bytes(">"),
    bytes("!!"),
    bytes("=cmd|"),
    bytes("/"),
    bytes("99999999999999999999"),
    bytes("-1"),
    bytes("0.005"),
    bytes("1e309"),
    bytes("NaN"),
    bytes("2045-01-01"),
    bytes("1999-12-31"),
    bytes("0000-00-00"),
    bytes("2024-02-30T25:61"),
    bytes("\uFEFF"),
    bytes("é"),
    bytes("\u202E"),
    bytes("null"),
    bytes("~"),
    bytes("<<: *a"),
    bytes("---\n"),
    bytes("...")
  };

  private Mutations() {}

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] mutate(byte[] seed, Random r) {
    byte[] b = seed;
    int operations = 1 + r.nextInt(6);
    for (int k = 0; k < operations; k++) {
      b = once(b, r);
    }
    return b;
  }

  private static byte[] once(byte[] b, Random r) {
    int n = b.length;
    int at = n == 0 ? 0 : r.nextInt(n + 1);
    switch (r.nextInt(8)) {
      case 0 -> { // change a byte
        if (n == 0) {
          return b;
        }
        byte[] c = b.clone();
        c[Math.min(at, n - 1)] = (byte) r.nextInt(256);
        return c;
      }
      case 1, 2 -> { // insert a special sequence
        return splice(b, at, at, SPECIAL[r.nextInt(SPECIAL.length)]);
      }
      case 3 -> { // delete a range
        int to = Math.min(n, at + 1 + r.nextInt(16));
        return splice(b, at, to, new byte[0]);
      }
      case 4 -> { // repeat a range elsewhere (lines, keys, rows twice)
        if (n == 0) {
          return b;
        }
        int from = r.nextInt(n);
        int to = Math.min(n, from + 1 + r.nextInt(80));
        byte[] part = java.util.Arrays.copyOfRange(b, from, to);
        return splice(b, at, at, part);
      }
      case 5 -> { // cut the file short
        return java.util.Arrays.copyOf(b, at);
      }
      case 6 -> { // replace a range with a special sequence
        int to = Math.min(n, at + 1 + r.nextInt(8));
        return splice(b, at, to, SPECIAL[r.nextInt(SPECIAL.length)]);
      }
      default -> { // random bytes
        byte[] noise = new byte[1 + r.nextInt(8)];
        r.nextBytes(noise);
        return splice(b, at, at, noise);
      }
    }
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] with) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + with.length);
    out.write(b, 0, from);
    out.write(with, 0, with.length);
    out.write(b, to, b.length - to);
    return out.toByteArray();
  }
}
