package org.safeload.bench.http;

/** Something that stops the benchmark, with a message that says what to do about it. */
public final class BenchFailure extends RuntimeException {

  public BenchFailure(String message) {
    super(message);
  }

  public BenchFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
