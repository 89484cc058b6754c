package org.landrelease.cli;

public final class DemoScenario {
  private DemoScenario() {}

  public static void main(String[] args) throws Exception {
    throw new IllegalStateException("DemoScenario is being written");
  }
}
