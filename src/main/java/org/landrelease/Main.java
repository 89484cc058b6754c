package org.landrelease;

import java.util.Arrays;
import org.landrelease.cli.AdminCommands;
import org.landrelease.bench.BenchTiles;
import org.landrelease.bench.Benchmark;
import org.landrelease.demo.DemoScenario;
import org.landrelease.bench.OgcBench;
import org.landrelease.bench.TransferBench;
import org.landrelease.config.Config;

/** Entry point: serve (default), generate-demo, bench, bench-ogc, bench-transfer, bench-tiles, import, and the admin
 * commands create-user, backup, restore, zoning. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length > 0 && !args[0].startsWith("--") ? args[0] : "serve";
    String[] rest = args.length > 0 && !args[0].startsWith("--") ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (command) {
      case "serve" -> {
        LedgerApp app = LedgerApp.start(Config.defaults().withArguments(rest));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        System.out.println("Land-release ledger listening on http://localhost:" + app.port() + "/");
      }
      case "generate-demo" -> DemoScenario.main(rest);
      case "bench" -> Benchmark.main(rest);
      case "create-user" -> AdminCommands.createUser(rest);
      case "backup" -> AdminCommands.backup(rest);
      case "restore" -> AdminCommands.restore(rest);
      case "import" -> org.landrelease.cli.ImportCommand.main(rest);
      case "zoning" -> org.landrelease.cli.ZoningCommand.main(rest);
      case "bench-ogc" -> OgcBench.main(rest);
      case "bench-transfer" -> TransferBench.main(rest);
      case "bench-tiles" -> BenchTiles.main(rest);
      default -> {
        System.err.println(
            "usage: landrelease [serve|generate-demo|bench|bench-ogc|bench-transfer|bench-tiles|import|zoning|create-user"
                + "|backup|restore] [options]");
        System.exit(2);
      }
    }
  }
}
