package org.landrelease;

import java.util.Arrays;
import java.util.Map;
import org.landrelease.bench.BenchTiles;
import org.landrelease.bench.Benchmark;
import org.landrelease.bench.OgcBench;
import org.landrelease.bench.TransferBench;
import org.landrelease.cli.AdminCommands;
import org.landrelease.cli.ImportCommand;
import org.landrelease.cli.CountryCommand;
import org.landrelease.cli.ZoningCommand;
import org.landrelease.config.ArgumentException;
import org.landrelease.config.Command;
import org.landrelease.config.Config;
import org.landrelease.demo.DemoScenario;

/**
 * Entry point: serve (default), generate-demo, bench, bench-ogc, bench-transfer, bench-tiles, import, and the admin
 * commands create-user, backup, restore, zoning. Each command declares its arguments ({@link org.landrelease.config.Command});
 * a command line it cannot read ends here with one line on stderr and exit code 2, --help with the usage and 0.
 */
public final class Main {
  static final String COMMANDS = """
      usage: landrelease [COMMAND] [options]      (landrelease COMMAND --help lists a command's options)

        serve            the service (the default when the first argument is an option or absent)
        import           import a file of field polygons into a stopped service's database
        create-user      add an account to a stopped service's database (or to PostgreSQL)
        backup           back up a stopped service's H2 database to a zip
        restore          restore such a zip into a new database directory
        country          load (or replace) a country's regions, or list the countries
        zoning           load, list or delete a zoning (raion, hromada, land cover) that figures are split by
        generate-demo    regenerate the synthetic demonstration scenarios (Ukraine, Lebanon) in data/demo
        bench            the ledger benchmark (generates a workload, replays it over HTTP)
        bench-transfer   the import and export benchmark
        bench-ogc        OGC API latency against a running service
        bench-tiles      vector tile benchmark on a ledger of a million hazards
      """;

  /** Every command's declared arguments, by the name typed after the program's (the docs' examples are checked). */
  static final Map<String, Command> DECLARED = Map.ofEntries(Map.entry("serve", Config.SERVE),
      Map.entry("generate-demo", DemoScenario.COMMAND), Map.entry("bench", Benchmark.COMMAND),
      Map.entry("create-user", AdminCommands.CREATE_USER), Map.entry("backup", AdminCommands.BACKUP),
      Map.entry("restore", AdminCommands.RESTORE), Map.entry("import", ImportCommand.COMMAND),
      Map.entry("bench-ogc", OgcBench.COMMAND), Map.entry("bench-transfer", TransferBench.COMMAND),
      Map.entry("bench-tiles", BenchTiles.COMMAND),
      Map.entry("zoning", ZoningCommand.COMMAND), Map.entry("country", CountryCommand.COMMAND));

  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "serve";
    String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
    if (args.length > 0 && (args[0].equals("help") || args[0].equals("-h") || args[0].equals("--help"))) {
      System.out.print(COMMANDS);
      return;
    }
    try {
      run(command, rest);
    } catch (ArgumentException e) {
      if (e.help() != null) {
        System.out.print(e.help());
        System.exit(0);
      }
      System.err.println("landrelease " + command + ": " + e.getMessage() + " (landrelease " + command
          + " --help lists the options)");
      System.exit(2);
    }
  }

  private static void run(String command, String[] rest) throws Exception {
    switch (command) {
      case "serve" -> {
        LedgerApp app = LedgerApp.start(Config.from(Config.SERVE.parse(rest)));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        System.out.println("Land-release ledger listening on http://localhost:" + app.port() + "/");
      }
      case "generate-demo" -> DemoScenario.main(rest);
      case "bench" -> Benchmark.main(rest);
      case "create-user" -> AdminCommands.createUser(rest);
      case "backup" -> AdminCommands.backup(rest);
      case "restore" -> AdminCommands.restore(rest);
      case "import" -> ImportCommand.main(rest);
      case "zoning" -> ZoningCommand.main(rest);
      case "country" -> CountryCommand.main(rest);
      case "bench-ogc" -> OgcBench.main(rest);
      case "bench-transfer" -> TransferBench.main(rest);
      case "bench-tiles" -> BenchTiles.main(rest);
      default -> {
        System.err.print("landrelease: unknown command '" + command + "'\n" + COMMANDS);
        System.exit(2);
      }
    }
  }
}
