package org.safeload.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The table of capabilities and roles in docs/architecture.md ("Who may do what") is the enum's:
 * people read the document, the app reads the enum, and they must not drift apart.
 */
class CapabilityTableIsDocumentedTest {

  private static final Path ARCHITECTURE = Path.of("..", "docs", "architecture.md");

  @Test
  void theDocumentedTableIsTheEnum() throws Exception {
    List<String> lines = Files.readAllLines(ARCHITECTURE);
    int header =
        lines.indexOf(
            lines.stream()
                .filter(l -> l.startsWith("| Capability "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no capability table in " + ARCHITECTURE)));
    List<AccessRole> columns = new ArrayList<>();
    for (String cell : cells(lines.get(header)).subList(1, cells(lines.get(header)).size())) {
      columns.add(AccessRole.valueOf(cell));
    }
    Map<Capability, Set<AccessRole>> documented = new EnumMap<>(Capability.class);
    for (String line : lines.subList(header + 2, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      List<String> row = cells(line);
      Set<AccessRole> roles = EnumSet.noneOf(AccessRole.class);
      for (int i = 1; i < row.size(); i++) {
        if (row.get(i).equals("✓")) {
          roles.add(columns.get(i - 1));
        }
      }
      documented.put(Capability.valueOf(row.get(0).replace("`", "")), roles);
    }
    Map<Capability, Set<AccessRole>> actual = new EnumMap<>(Capability.class);
    for (Capability capability : Capability.values()) {
      actual.put(capability, capability.roles());
    }
    assertThat(columns).containsExactlyInAnyOrder(AccessRole.values());
    assertThat(documented).isEqualTo(actual);
  }

  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|", -1)) {
      cells.add(cell.strip());
    }
    return cells;
  }
}
