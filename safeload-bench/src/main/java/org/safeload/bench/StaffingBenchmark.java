package org.safeload.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.safeload.demo.DemoCouncil;
import org.safeload.organisation.EstablishmentLine;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;
import org.safeload.workforce.Staffing;

/**
 * Staffing (FTE against establishment, vacancies) for a service the size of the framework call-off
 * council in the brief: 366 FTE social workers, about 52 teams of 7.
 *
 * <p>Run: {@code ./mvnw -pl safeload-bench -am package -DskipTests && java -jar
 * safeload-bench/target/benchmarks.jar}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StaffingBenchmark {

  private final LocalDate on = LocalDate.of(2026, 11, 23);
  private List<EstablishmentLine> establishment;
  private List<WorkerDetails> workers;

  @Setup
  public void setUp() {
    establishment = new ArrayList<>();
    workers = new ArrayList<>();
    List<WorkerDetails> demo = DemoCouncil.workers().stream().map(w -> w.details()).toList();
    for (int team = 0; team < 52; team++) {
      establishment.add(new EstablishmentLine(team, Role.SOCIAL_WORKER, new BigDecimal("7")));
      establishment.add(new EstablishmentLine(team, Role.TEAM_MANAGER, BigDecimal.ONE));
      for (int i = 0; i < 8; i++) {
        workers.add(demo.get((team * 8 + i) % demo.size()));
      }
    }
  }

  @Benchmark
  public Staffing wholeService() {
    return Staffing.of(on, establishment, workers);
  }
}
