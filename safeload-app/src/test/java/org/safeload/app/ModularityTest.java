package org.safeload.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The app's modules keep their boundaries: no cycles, no reaching into another's internals. */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(SafeloadApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void theProductModulesAreThere() {
    assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .contains("access", "audit", "organisation", "demo", "platform", "cli");
  }

  @Test
  void writesTheModuleDiagramLinkedFromTheArchitectureDocs() throws Exception {
    Path out = Path.of("target", "spring-modulith-docs");
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString()))
        .writeModulesAsPlantUml();
    Path generated = out.resolve("components.puml");
    assertThat(generated).exists();
    Path docs = Path.of("..", "docs", "modules");
    if (Files.isDirectory(docs.getParent())) {
      Files.createDirectories(docs);
      // The documenter lists relations in no fixed order: sort them so the committed copy only
      // changes when the architecture does.
      List<String> lines = Files.readAllLines(generated);
      List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
      List<String> stable = new ArrayList<>();
      boolean written = false;
      for (String line : lines) {
        if (!line.startsWith("Rel(")) {
          stable.add(line);
        } else if (!written) {
          stable.addAll(relations);
          written = true;
        }
      }
      Files.write(docs.resolve("components.puml"), stable);
    }
  }
}
