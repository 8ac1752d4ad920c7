package org.safeload.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.safeload.handover.HandoverInstances;
import org.safeload.handover.HandoverPlan;
import org.safeload.handover.HandoverPlanner;

/**
 * The handover planner on the benchmark instance, warmed up: {@code java -jar safeload-bench.jar
 * HandoverBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HandoverBenchmark {

  @Param({"1"})
  long seed;

  private HandoverInstances.Instance instance;

  @Setup
  public void setUp() {
    HandoverPlanner.loadNatives();
    instance = HandoverInstances.generate(500, 40, seed);
  }

  @Benchmark
  public HandoverPlan plan() {
    return new HandoverPlanner()
        .plan(instance.cases(), instance.receivers(), instance.policy(), Duration.ofSeconds(1));
  }
}
