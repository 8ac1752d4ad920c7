package org.safeload.bench;

import java.util.Arrays;

/**
 * {@code java -jar safeload-bench.jar kpi --events 10000000 --seed 1}: the timeliness engine
 * against DuckDB SQL on one synthetic log; {@code kpi --csv FILE --as-of DATE}: the same end to end
 * from an event file (Safeload's reader and engine against DuckDB's read_csv and SQL). {@code java
 * -jar safeload-bench.jar handover --cases 500 --workers 40 --seed 1}: the handover planner against
 * a greedy baseline. {@code java -jar safeload-bench.jar projection --runs 10000 --months 24
 * --teams 10}: the capacity projection ({@link ProjectionBench}). {@code java -jar
 * safeload-bench.jar app --children 12000 --months 12}: the app over HTTP ({@link AppBench});
 * {@code soak --children 12000 --months 12 --users 50 --minutes 30}: the app under a steady load
 * for half an hour ({@link SoakBench}). {@code java -Xmx512m -jar safeload-bench.jar annex-a
 * --children 12000}: reading an Ofsted Annex A workbook of a large council ({@link AnnexABench}).
 * Any other arguments go to JMH (the microbenchmarks).
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("kpi")) {
      KpiBench.main(Arrays.copyOfRange(args, 1, args.length));
    } else if (args.length > 0 && args[0].equals("app")) {
      AppBench.main(Arrays.copyOfRange(args, 1, args.length));
    } else if (args.length > 0 && args[0].equals("soak")) {
      SoakBench.main(Arrays.copyOfRange(args, 1, args.length));
    } else if (args.length > 0 && args[0].equals("projection")) {
      ProjectionBench.main(Arrays.copyOfRange(args, 1, args.length));
    } else if (args.length > 0 && args[0].equals("annex-a")) {
      AnnexABench.main(Arrays.copyOfRange(args, 1, args.length));
    } else if (args.length > 0 && args[0].equals("handover")) {
      HandoverBench.main(Arrays.copyOfRange(args, 1, args.length));
    } else {
      org.openjdk.jmh.Main.main(args);
    }
  }
}
