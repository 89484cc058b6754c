package org.landrelease.http;

import java.nio.file.Path;

/**
 * The whole demo (data/demo: Ukraine and the synthetic Lebanon) loaded once per test JVM and shared by the tests that
 * read it (DemoIatiTest, DemoCountriesTest) on H2: a demo load takes a minute or more, several on a busy machine.
 */
final class DemoServer {
  private static TestServer server;

  private DemoServer() {}

  static synchronized TestServer get() throws Exception {
    if (server != null && org.landrelease.store.TestStore.postgres()) {
      // on PostgreSQL, tests between two users may restart the shared test cluster (StoreCrashTest), which breaks the
      // kept server's writer connection: each test class loads its own
      server.close();
      server = null;
    }
    if (server == null) {
      TestServer s = TestServer.withHistory(Path.of("data/demo"));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          s.close();
        } catch (RuntimeException e) {
          // the JVM is going: a store already torn down is no failure of a test
        }
      }));
      server = s;
    }
    return server;
  }
}
