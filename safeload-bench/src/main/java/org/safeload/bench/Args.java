package org.safeload.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.safeload.bench.http.BenchFailure;

/**
 * A command line of {@code --option value} pairs and {@code --flag}s, read by type with defaults.
 * An option the command does not take, a missing value or a value that is not a number stops the
 * run with the command's usage.
 */
final class Args {

  private final Map<String, String> values;
  private final Set<String> flags;
  private final String usage;

  private Args(Map<String, String> values, Set<String> flags, String usage) {
    this.values = values;
    this.flags = flags;
    this.usage = usage;
  }

  /**
   * @param options the options that take a value
   * @param flags the options that take none
   */
  static Args parse(String[] args, Set<String> options, Set<String> flags, String usage) {
    Map<String, String> values = new HashMap<>();
    Set<String> given = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (flags.contains(option)) {
        given.add(option);
      } else if (!options.contains(option)) {
        throw new BenchFailure("Unknown option " + option + "\n" + usage);
      } else if (i + 1 >= args.length) {
        throw new BenchFailure(option + " needs a value");
      } else {
        values.put(option, args[++i]);
      }
    }
    return new Args(values, given, usage);
  }

  String text(String option, String otherwise) {
    return values.getOrDefault(option, otherwise);
  }

  /** The value as given, or null. */
  String text(String option) {
    return values.get(option);
  }

  int integer(String option, int otherwise) {
    String v = values.get(option);
    try {
      return v == null ? otherwise : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw notANumber(option, v);
    }
  }

  long number(String option, long otherwise) {
    String v = values.get(option);
    try {
      return v == null ? otherwise : Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw notANumber(option, v);
    }
  }

  private BenchFailure notANumber(String option, String value) {
    return new BenchFailure("Not a number: " + option + " " + value + "\n" + usage);
  }

  boolean flag(String option) {
    return flags.contains(option);
  }
}
