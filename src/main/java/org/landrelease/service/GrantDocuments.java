package org.landrelease.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landrelease.domain.EventType;
import org.landrelease.domain.Grant;
import org.landrelease.domain.Partner;
import org.landrelease.files.PdfReport;
import org.landrelease.files.ReportTable;
import org.landrelease.files.ReportTable.Column;
import org.landrelease.files.XlsxReport;
import org.landrelease.geometry.RegionShape;
import org.landrelease.render.ReleaseMap;
import org.landrelease.service.ReportService.ReleasedRow;

/**
 * A grant report as a document, PDF or XLSX: the facts of the grant and of the ledger state, a map of the land
 * released in the period, and the tables by outcome, region and month and the list of events. Every figure is the
 * GrantReport's, the same object the JSON route serves, so the three formats cannot disagree.
 */
public final class GrantDocuments {
  /** The document formats of GET /api/grants/{id}/report. */
  public enum Format {
    PDF("application/pdf", "pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public final String contentType;
    public final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }
  }

  /** The map's size in pixels: the PDF shows it at the text width (about 500 pt), so about 2 px per point. */
  static final int MAP_WIDTH = 1000;
  static final int MAP_HEIGHT = 700;

  private final ReportService reports;
  private final FundingService funding;

  public GrantDocuments(ReportService reports, FundingService funding) {
    this.reports = reports;
    this.funding = funding;
  }

  /** The file name a download is saved under: grant-NL-HALO-2024-01-01-2024-12-31.pdf. */
  public static String fileName(GrantReport r, Format format) {
    return "grant-" + r.grant().id() + (r.country() == null ? "" : "-" + r.country()) + "-" + r.from() + "-" + r.to()
        + "." + format.extension;
  }

  public void write(GrantReport r, Format format, OutputStream out) throws IOException, SQLException {
    write(r, format, ReportWords.english(), out);
  }

  /** The document in the words' language; the figures are the same in every language. */
  public void write(GrantReport r, Format format, ReportWords w, OutputStream out) throws IOException, SQLException {
    String title = w.text("grant.title", "Grant report {grant}", "grant", r.grant().id());
    if (format == Format.XLSX) {
      XlsxReport.write(title, w.text("aboutSheet", "About"), facts(r, w), map(r), tables(r, w), out);
      return;
    }
    try (PdfReport pdf = new PdfReport(title, w.locale())) {
      pdf.footer(w.text("pageFooter", "{title} · page {n} of {m}"));
      pdf.heading(title, 18).paragraph(r.grant().title()).facts(facts(r, w))
          .image(map(r), w.text("grant.mapCaption", "Land released in the period by outcome, on the region boundaries"
              + " (equirectangular projection, x scaled by the cosine of the mid-latitude)."));
      for (ReportTable t : tables(r, w)) {
        pdf.table(t);
      }
      pdf.paragraph(w.text("grant.areasNote", "Areas are geodesic km² on the WGS84 ellipsoid. Land is dated by the day"
          + " its event counts from (the later of the event's date and its approval); a reversal counts negative on"
          + " its own day."));
      pdf.write(out);
    }
  }

  /** The map of a report's released land, as drawn into the PDF. */
  public BufferedImage map(GrantReport r) throws SQLException {
    List<ReleaseMap.Piece> pieces = reports.releasedShapes(r).stream()
        .map(s -> new ReleaseMap.Piece(s.kind(), s.geometry())).toList();
    List<ReleaseMap.Outline> outlines = reports.regionShapes().stream()
        .map(s -> new ReleaseMap.Outline(s.name(), s.geometry())).toList();
    return ReleaseMap.draw(pieces, outlines, MAP_WIDTH, MAP_HEIGHT);
  }

  private List<ReportTable.Fact> facts(GrantReport r, ReportWords w) {
    Grant g = r.grant();
    Partner partner = funding.partner(g.partner());
    GrantReport.LedgerState s = r.ledgerState();
    return List.of(new ReportTable.Fact(w.term("grant", "Grant"), g.id() + ": " + g.title()),
        new ReportTable.Fact(w.term("donor", "Donor"), g.donor()),
        new ReportTable.Fact(w.term("partner", "Partner"),
            partner == null ? g.partner() : partner.id() + ": " + partner.name()),
        new ReportTable.Fact(w.text("fact.period", "Period"), w.text("grant.periodValue",
            "{from} to {to} (grant {start} to {end})", "from", r.from(), "to", r.to(), "start", g.start(),
            "end", g.end())),
        new ReportTable.Fact(w.text("fact.amount", "Amount"), g.amount() == null
            ? w.text("grant.amountNotStated", "not stated")
            // two decimals on both stores (PostgreSQL's numeric keeps a scale, H2's does not here)
            : String.format(amountLocale(w), "%,.2f", g.amount()) + (g.currency() == null ? "" : " " + g.currency())),
        new ReportTable.Fact(w.term("country", "Country"), r.country() == null
            ? w.text("grant.everyCountry", "every country the grant worked in") : r.country()),
        new ReportTable.Fact(w.text("fact.releasedInPeriod", "Released in the period"),
            String.format(numberLocale(w), "%.6f km²", r.releasedKm2())),
        new ReportTable.Fact(w.text("fact.ledgerState", "Ledger state"), w.text("grant.ledgerStateValue",
            "events up to sequence {sequence} (approval {applied}), data set {dataset}", "sequence",
            s.lastEventSequence(), "applied", s.appliedSequence(), "dataset", s.dataset())),
        new ReportTable.Fact(w.text("fact.computedAt", "Computed at"), s.computedAt().toString()));
  }

  /** English keeps its "1,234.50"; another language writes the amount in its own format. */
  private static Locale amountLocale(ReportWords w) {
    return w.language().equals(Translations.FALLBACK) ? Locale.ENGLISH : w.locale();
  }

  private static Locale numberLocale(ReportWords w) {
    return w.language().equals(Translations.FALLBACK) ? Locale.ROOT : w.locale();
  }

  List<ReportTable> tables(GrantReport r) {
    return tables(r, ReportWords.english());
  }

  /** The tables, in document order. */
  List<ReportTable> tables(GrantReport r, ReportWords w) {
    Map<String, String> names = new HashMap<>();
    for (RegionShape s : reports.regionShapes()) {
      names.put(s.code(), w.regionName(s.code(), s.name()));
    }
    String releasedKm2 = w.term("released", "Released") + " km²";
    List<ReportTable> out = new ArrayList<>();
    out.add(new ReportTable("Outcomes", w.text("grant.byOutcome", "Released by outcome"), List.of(
        Column.text(w.text("outcome", "Outcome")), Column.integer(w.text("events", "Events")),
        Column.km2(releasedKm2)),
        r.byOutcome().stream().map(o -> row(outcome(o.outcome(), w), o.events(), o.km2())).toList()));
    out.add(released(w, "Regions", w.text("grant.byRegion", "Released by region"), w.term("region", "Region"),
        r.byRegion(), names));
    out.add(released(w, "Months", w.text("grant.byMonth", "Released by month"), w.text("month", "Month"),
        r.byMonth(), Map.of()));
    // the field teams' record of the land's use after release; the land-cover zoning is another question
    out.add(released(w, "Land use", w.text("grant.byLandUse", "Released by land use after release (field record)"),
        w.text("landUse", "Land use"), r.byLandUse(), Map.of()));
    out.add(new ReportTable("Events", w.text("grant.eventsTitle", "Events counted in the period"), List.of(
        Column.text(w.text("event", "Event")),
        Column.text(w.text("grant.typeHeading", "Type (NTS: non-technical survey, TS: technical survey)")),
        Column.date(w.text("date", "Date")), Column.date(w.text("countedOn", "Counted on")),
        Column.text(w.text("regions", "Regions")), Column.km2(releasedKm2)),
        r.events().stream().map(e -> row(e.id().toString(), typeLabel(e.type(), w), e.date(), e.countedOn(),
            e.regions(), e.releasedKm2())).toList()));
    return out;
  }

  /** An outcome's name: the glossary's term (cancelled, reduced, cleared), the total in words. */
  private static String outcome(String outcome, ReportWords w) {
    return outcome.equals("total") ? w.text("totalLower", outcome) : w.term(outcome, outcome);
  }

  /** IMAS's short names, so that the event table fits an A4 page with whole event ids. */
  static String typeLabel(EventType type) {
    return typeLabel(type, ReportWords.english());
  }

  static String typeLabel(EventType type, ReportWords w) {
    String english = switch (type) {
      case NON_TECHNICAL_SURVEY -> "NTS";
      case TECHNICAL_SURVEY -> "TS";
      case CLEARANCE -> "Clearance";
      case REVERSAL -> "Reversal";
      case HAZARD_REPORT -> "Hazard report";
    };
    return w.text("eventType." + type.name(), english);
  }

  private static ReportTable released(ReportWords w, String sheet, String title, String keyHeading,
      List<ReleasedRow> rows, Map<String, String> names) {
    List<Column> columns = new ArrayList<>(List.of(Column.text(keyHeading)));
    if (!names.isEmpty()) {
      columns.add(Column.text(w.text("name", "Name")));
    }
    columns.addAll(List.of(Column.km2(w.term("cancelled", "Cancelled") + " km²"),
        Column.km2(w.term("reduced", "Reduced") + " km²"), Column.km2(w.term("cleared", "Cleared") + " km²"),
        Column.km2(w.term("released", "Released") + " km²")));
    List<List<Object>> cells = new ArrayList<>();
    for (ReleasedRow row : rows) {
      List<Object> c = new ArrayList<>(List.of(row.key()));
      if (!names.isEmpty()) {
        c.add(names.getOrDefault(row.key(), row.key()));
      }
      c.addAll(List.of(row.cancelledKm2(), row.reducedKm2(), row.clearedKm2(), row.km2()));
      cells.add(c);
    }
    return new ReportTable(sheet, title, columns, cells);
  }

  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }
}
