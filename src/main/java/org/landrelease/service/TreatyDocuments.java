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
    return title(r, ReportWords.english());
  }

  public static String title(LandReleaseReport r, ReportWords w) {
    return w.text("treaty.title", "Land release in {year}", "year", r.year());
  }

  /** What the figures were computed from: enough to compute them again. */
  public static List<ReportTable.Fact> facts(LandReleaseReport r) {
    return facts(r, ReportWords.english());
  }

  public static List<ReportTable.Fact> facts(LandReleaseReport r, ReportWords w) {
    String all = w.text("all", "all");
    List<ReportTable.Fact> facts = new ArrayList<>();
    facts.add(new ReportTable.Fact(w.text("fact.year", "Year"), w.text("treaty.yearValue",
        "{year} (remaining at {start} and at {end})", "year", r.year(), "start", r.start(), "end", r.end())));
    facts.add(new ReportTable.Fact(w.text("fact.groupedBy", "Grouped by"), r.groupedBy()));
    facts.add(new ReportTable.Fact(w.term("region", "Region"), r.region() == null ? all : r.region()));
    facts.add(new ReportTable.Fact(w.text("fact.countries", "Countries"), r.country() != null ? r.country()
        : r.countries().isEmpty() ? all : w.text("treaty.countriesValue", "{countries} and the land outside them",
            "countries", String.join(", ", r.countries()))));
    facts.add(new ReportTable.Fact(w.text("fact.hazardTypes", "Hazard types"),
        r.hazardTypes().isEmpty() ? all : r.hazardTypes().toString()));
    facts.add(new ReportTable.Fact(w.text("fact.dataset", "Data set"), r.ledger().dataset()));
    facts.add(new ReportTable.Fact(w.text("fact.appliedUpTo", "Approvals applied up to"),
        Long.toString(r.ledger().appliedUpTo())));
    facts.add(new ReportTable.Fact(w.text("fact.lastEventSequence", "Last event sequence"),
        Long.toString(r.ledger().lastEventSequence())));
    facts.add(new ReportTable.Fact(w.text("fact.computedAt", "Computed at"), r.ledger().computedAt().toString()));
    return facts;
  }

  /** The countries a report covers: its one country, or every country's code and the land outside them. */
  static String countries(LandReleaseReport r) {
    return r.country() != null ? r.country()
        : (r.countries().isEmpty() ? "all" : String.join(", ", r.countries()) + " and the land outside them");
  }

  public static List<ReportTable> tables(LandReleaseReport r) {
    return tables(r, ReportWords.english());
  }

  public static List<ReportTable> tables(LandReleaseReport r, ReportWords w) {
    String sha = w.term("shaShort", "SHA");
    String cha = w.term("chaShort", "CHA");
    String areas = w.text("areas", "areas");
    String atStart = w.text("atStart", "at start");
    String atEnd = w.text("atEnd", "at end");
    String cancelled = w.term("cancelled", "Cancelled");
    String reduced = w.term("reduced", "Reduced");
    String cleared = w.term("cleared", "Cleared");
    String released = w.term("released", "Released");
    List<ReportTable> out = new ArrayList<>();
    for (View v : r.views()) {
      String name = v.view().toUpperCase(Locale.ROOT);
      String title = viewTitle(v, w);
      out.add(table(v, title, w, name + " remaining", w.text("treaty.remainingTitle",
          "Remaining contamination at the start and end of {year}", "year", r.year()),
          List.of(Column.integer(sha + " " + areas + " " + atStart), Column.km2(sha + " km² " + atStart),
              Column.integer(cha + " " + areas + " " + atStart), Column.km2(cha + " km² " + atStart),
              Column.integer(sha + " " + areas + " " + atEnd), Column.km2(sha + " km² " + atEnd),
              Column.integer(cha + " " + areas + " " + atEnd), Column.km2(cha + " km² " + atEnd)),
          row -> List.of(row.start().sha().areas(), row.start().sha().km2(), row.start().cha().areas(),
              row.start().cha().km2(), row.end().sha().areas(), row.end().sha().km2(), row.end().cha().areas(),
              row.end().cha().km2())));
      out.add(table(v, title, w, name + " released", w.text("treaty.releasedTitle", "Released in {year} by outcome",
          "year", r.year()),
          List.of(Column.integer(cancelled + " " + areas), Column.km2(cancelled + " km²"),
              Column.integer(reduced + " " + areas), Column.km2(reduced + " km²"),
              Column.integer(cleared + " " + areas), Column.km2(cleared + " km²"),
              Column.integer(released + " " + areas), Column.km2(released + " km²")),
          row -> List.of(row.released().cancelled().areas(), row.released().cancelled().km2(),
              row.released().reduced().areas(), row.released().reduced().km2(), row.released().cleared().areas(),
              row.released().cleared().km2(), row.released().total().areas(), row.released().total().km2())));
      out.add(table(v, title, w, name + " balance", w.text("treaty.balanceTitle",
          "Remaining at end = remaining at start + added − released (km²)"),
          List.of(Column.km2(w.text("remainingAtStart", "Remaining at start")), Column.km2(w.term("reported",
              "Reported")), Column.km2(w.text("reclassifiedIn", "Reclassified in")),
              Column.km2(w.text("reclassifiedOut", "Reclassified out")), Column.km2(released),
              Column.km2(w.text("remainingAtEnd", "Remaining at end"))),
          row -> List.of(row.start().total().km2(), row.added().reportedKm2(), row.added().reclassifiedInKm2(),
              row.added().reclassifiedOutKm2(), row.released().total().km2(), row.end().total().km2())));
      List<Column> devices = new ArrayList<>();
      Arrays.stream(HazardType.values()).forEach(t -> devices.add(Column.integer(hazardType(t, w))));
      devices.add(Column.integer(w.text("total", "Total")));
      out.add(table(v, title, w, name + " devices", w.text("treaty.devicesTitle",
          "Devices found and destroyed by clearance in {year}", "year", r.year()), devices,
          row -> {
            List<Object> cells = new ArrayList<>();
            Arrays.stream(HazardType.values()).forEach(t -> cells.add(row.devices().getOrDefault(t, 0)));
            cells.add(row.devicesTotal());
            return cells;
          }));
    }
    return out;
  }

  /** A view's title: report.view.<all|apmbc|ccm>, else the English title of the view. */
  static String viewTitle(View v, ReportWords w) {
    return w.text("view." + v.view(), v.title());
  }

  /** A hazard type's name in the document: report.hazardType.<TYPE>, else the type's code as before. */
  static String hazardType(HazardType t, ReportWords w) {
    return w.text("hazardType." + t.name(), t.name());
  }

  /** A row's name: the total and the land outside every region in words, a region in the language. */
  static String rowName(Row row, ReportWords w) {
    return switch (row.code()) {
      case "total" -> w.text("total", row.name());
      case org.landrelease.geometry.RegionIndex.UNASSIGNED -> w.text("outsideRegions", row.name());
      default -> w.regionName(row.code(), row.name());
    };
  }

  /** One table of a view: code and name, the given figures, a row per key and the total last. */
  private static ReportTable table(View v, String viewTitle, ReportWords w, String sheet, String title,
      List<Column> figures, Function<Row, List<?>> cells) {
    List<Column> columns = new ArrayList<>(List.of(Column.text(w.text("code", "Code")),
        Column.text(w.text("name", "Name"))));
    columns.addAll(figures);
    List<List<Object>> rows = new ArrayList<>();
    List<Row> all = new ArrayList<>(v.rows());
    all.add(v.total());
    for (Row row : all) {
      List<Object> line = new ArrayList<>(List.of(row.code(), rowName(row, w)));
      line.addAll(cells.apply(row));
      rows.add(line);
    }
    return new ReportTable(sheet, viewTitle + ": " + title, columns, rows);
  }

  public static void xlsx(LandReleaseReport r, OutputStream out) throws IOException {
    xlsx(r, ReportWords.english(), out);
  }

  public static void xlsx(LandReleaseReport r, ReportWords w, OutputStream out) throws IOException {
    XlsxReport.write(title(r, w), w.text("aboutSheet", "About"), facts(r, w), null, tables(r, w), out);
  }

  public static void pdf(LandReleaseReport r, OutputStream out) throws IOException {
    pdf(r, ReportWords.english(), out);
  }

  public static void pdf(LandReleaseReport r, ReportWords w, OutputStream out) throws IOException {
    try (PdfReport pdf = new PdfReport(title(r, w), w.locale())) {
      pdf.footer(w.text("pageFooter", "{title} · page {n} of {m}"));
      pdf.heading(title(r, w), 18).facts(facts(r, w));
      List<ReportTable> tables = tables(r, w);
      for (int i = 0; i < tables.size(); i++) {
        if (i % 4 == 0) {
          pdf.heading(viewTitle(r.views().get(i / 4), w), 14);
        }
        pdf.table(tables.get(i));
      }
      pdf.write(out);
    }
  }

  public static void csv(LandReleaseReport r, OutputStream out) throws IOException {
    csv(r, ReportWords.english(), out);
  }

  /** The CSV's column names are codes like the API's fields and stay English; names and the title follow w. */
  public static void csv(LandReleaseReport r, ReportWords words, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    ReportCsv.write(TreatyCsv.table(r, words), w);
    w.flush();
  }
}
