package org.safeload.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finding an enum constant by its code, and listing the codes for messages. Each enum's codes are
 * read once and kept, since readers look codes up row by row.
 */
public final class Codes {

  private static final ClassValue<Table> TABLES =
      new ClassValue<>() {
        @Override
        protected Table computeValue(Class<?> type) {
          return Table.of(type);
        }
      };

  private Codes() {}

  /** The constant with this code; empty for an unknown code or null. */
  public static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
    if (code == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(type.cast(TABLES.get(type).byCode().get(code)));
  }

  /** The codes in declaration order, for messages: {@code assessment, cin, cp, plo, court}. */
  public static <E extends Enum<E> & Coded> String codes(Class<E> type) {
    return TABLES.get(type).codes();
  }

  /** One enum's constants by code (the first, should two share one) and its list of codes. */
  private record Table(Map<String, Object> byCode, String codes) {

    static Table of(Class<?> type) {
      Object[] constants = type.getEnumConstants();
      if (constants == null) {
        throw new IllegalStateException(type + " is not an enum, or is not yet initialised");
      }
      Map<String, Object> byCode = new HashMap<>();
      List<String> codes = new ArrayList<>();
      for (Object constant : constants) {
        String code = ((Coded) constant).code();
        byCode.putIfAbsent(code, constant);
        codes.add(code);
      }
      return new Table(Map.copyOf(byCode), String.join(", ", codes));
    }
  }
}
