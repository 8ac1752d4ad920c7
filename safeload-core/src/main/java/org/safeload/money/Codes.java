package org.safeload.money;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** Helpers for enums that have a code used in files and the API. */
final class Codes {

  private Codes() {}

  static <E extends Enum<E>> Optional<E> find(
      Class<E> type, Function<E, String> code, String value) {
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> code.apply(e).equals(value))
        .findFirst();
  }

  static <E extends Enum<E>> String list(Class<E> type, Function<E, String> code) {
    return String.join(", ", Arrays.stream(type.getEnumConstants()).map(code).toList());
  }
}
