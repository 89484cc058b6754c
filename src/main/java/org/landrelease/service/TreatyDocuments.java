package org.landrelease.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.landrelease.domain.HazardType;
import org.landrelease.files.PdfReport;
import org.landrelease.files.ReportCsv;
import org.landrelease.files.ReportTable;
import org.landrelease.files.ReportTable.Column;
import org.landrelease.files.XlsxReport;
import org.landrelease.service.LandReleaseReport.Row;
import org.landrelease.service.LandReleaseReport.View;

/**
 * The treaty report as documents. XLSX and PDF hold, per view, four tables (remaining, released, balance, devices)
 * after the ledger state; CSV is one long table, a row per view and key with every figure, so that a spreadsheet
 * filters it by its view column, and the ledger state in columns of its own on every row.
 */
public final class TreatyDocuments {
  private TreatyDocuments() {}

  public static String title(LandReleaseReport r) {
    return "Land release in " + r.year();
  }

  /** What the figures were computed from: enough to compute them again. */
  public static List<ReportTable.Fact> facts(LandReleaseReport r) {
    List<ReportTable.Fact> facts = new ArrayList<>();
    facts.add(new ReportTable.Fact("Year", r.year() + " (remaining at " + r.start() + " and at " + r.end() + ")"));
    facts.add(new ReportTable.Fact("Grouped by", r.groupedBy()));
    facts.add(new ReportTable.Fact("Region", r.region() == null ? "all" : r.region()));
    facts.add(new ReportTable.Fact("Countries", countries(r)));
    facts.add(new ReportTable.Fact("Hazard types", r.hazardTypes().isEmpty() ? "all" : r.hazardTypes().toString()));
    facts.add(new ReportTable.Fact("Data set", r.ledger().dataset()));
    facts.add(new ReportTable.Fact("Approvals applied up to", Long.toString(r.ledger().appliedUpTo())));
    facts.add(new ReportTable.Fact("Last event sequence", Long.toString(r.ledger().lastEventSequence())));
    facts.add(new ReportTable.Fact("Computed at", r.ledger().computedAt().toString()));
    return facts;
  }

  /** The countries a report covers: its one country, or every country's code and the land outside them. */
  static String countries(LandReleaseReport r) {
    return r.country() != null ? r.country()
        : (r.countries().isEmpty() ? "all" : String.join(", ", r.countries()) + " and the land outside them");
  }

  public static List<ReportTable> tables(LandReleaseReport r) {
    List<ReportTable> out = new ArrayList<>();
    for (View v : r.views()) {
      String name = v.view().toUpperCase(Locale.ROOT);
      out.add(table(v, name + " remaining", "Remaining contamination at the start and end of " + r.year(),
          List.of(Column.integer("SHA areas at start"), Column.km2("SHA km² at start"),
              Column.integer("CHA areas at start"), Column.km2("CHA km² at start"),
              Column.integer("SHA areas at end"), Column.km2("SHA km² at end"),
              Column.integer("CHA areas at end"), Column.km2("CHA km² at end")),
          row -> List.of(row.start().sha().areas(), row.start().sha().km2(), row.start().cha().areas(),
              row.start().cha().km2(), row.end().sha().areas(), row.end().sha().km2(), row.end().cha().areas(),
              row.end().cha().km2())));
      out.add(table(v, name + " released", "Released in " + r.year() + " by outcome",
          List.of(Column.integer("Cancelled areas"), Column.km2("Cancelled km²"), Column.integer("Reduced areas"),
              Column.km2("Reduced km²"), Column.integer("Cleared areas"), Column.km2("Cleared km²"),
              Column.integer("Released areas"), Column.km2("Released km²")),
          row -> List.of(row.released().cancelled().areas(), row.released().cancelled().km2(),
              row.released().reduced().areas(), row.released().reduced().km2(), row.released().cleared().areas(),
              row.released().cleared().km2(), row.released().total().areas(), row.released().total().km2())));
      out.add(table(v, name + " balance", "Remaining at end = remaining at start + added − released (km²)",
          List.of(Column.km2("Remaining at start"), Column.km2("Reported"), Column.km2("Reclassified in"),
              Column.km2("Reclassified out"), Column.km2("Released"), Column.km2("Remaining at end")),
          row -> List.of(row.start().total().km2(), row.added().reportedKm2(), row.added().reclassifiedInKm2(),
              row.added().reclassifiedOutKm2(), row.released().total().km2(), row.end().total().km2())));
      List<Column> devices = new ArrayList<>();
      Arrays.stream(HazardType.values()).forEach(t -> devices.add(Column.integer(t.name())));
      devices.add(Column.integer("Total"));
      out.add(table(v, name + " devices", "Devices found and destroyed by clearance in " + r.year(), devices,
          row -> {
            List<Object> cells = new ArrayList<>();
            Arrays.stream(HazardType.values()).forEach(t -> cells.add(row.devices().getOrDefault(t, 0)));
            cells.add(row.devicesTotal());
            return cells;
          }));
    }
    return out;
  }

  /** One table of a view: code and name, the given figures, a row per key and the total last. */
  private static ReportTable table(View v, String sheet, String title, List<Column> figures,
      Function<Row, List<?>> cells) {
    List<Column> columns = new ArrayList<>(List.of(Column.text("Code"), Column.text("Name")));
    columns.addAll(figures);
    List<List<Object>> rows = new ArrayList<>();
    List<Row> all = new ArrayList<>(v.rows());
    all.add(v.total());
    for (Row row : all) {
      List<Object> line = new ArrayList<>(List.of(row.code(), row.name()));
      line.addAll(cells.apply(row));
      rows.add(line);
    }
    return new ReportTable(sheet, v.title() + ": " + title, columns, rows);
  }

  public static void xlsx(LandReleaseReport r, OutputStream out) throws IOException {
    XlsxReport.write(title(r), facts(r), tables(r), out);
  }

  public static void pdf(LandReleaseReport r, OutputStream out) throws IOException {
    try (PdfReport pdf = new PdfReport(title(r), Locale.ENGLISH)) {
      pdf.heading(title(r), 18).facts(facts(r));
      List<ReportTable> tables = tables(r);
      for (int i = 0; i < tables.size(); i++) {
        if (i % 4 == 0) {
          pdf.heading(r.views().get(i / 4).title(), 14);
        }
        pdf.table(tables.get(i));
      }
      pdf.write(out);
    }
  }

  public static void csv(LandReleaseReport r, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    ReportCsv.write(TreatyCsv.table(r), w);
    w.flush();
  }
}
