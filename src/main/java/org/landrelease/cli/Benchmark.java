package org.landrelease.cli;

public final class Benchmark {
  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    throw new IllegalStateException("Benchmark is being written");
  }
}
