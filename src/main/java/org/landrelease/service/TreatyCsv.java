package org.landrelease.service;

import java.util.ArrayList;
import java.util.List;
import org.landrelease.domain.HazardType;
import org.landrelease.files.ReportTable;
import org.landrelease.files.ReportTable.Column;
import org.landrelease.service.LandReleaseReport.Areas;
import org.landrelease.service.LandReleaseReport.Row;
import org.landrelease.service.LandReleaseReport.View;

/** The treaty report as one long table: a row per view and key (the total last in each view), every figure a column. */
final class TreatyCsv {
  private TreatyCsv() {}

  static ReportTable table(LandReleaseReport r) {
    return table(r, ReportWords.english());
  }

  static ReportTable table(LandReleaseReport r, ReportWords w) {
    List<Column> columns = new ArrayList<>();
    for (String name : List.of("view", "code", "name")) {
      columns.add(Column.text(name));
    }
    for (String day : List.of("start_", "end_")) {
      for (String c : List.of("sha_", "cha_", "")) {
        columns.add(Column.integer(day + c + "areas"));
        columns.add(Column.km2(day + c + "km2"));
      }
    }
    for (String name : List.of("reported_km2", "reclassified_in_km2", "reclassified_out_km2", "added_km2")) {
      columns.add(Column.km2(name));
    }
    for (String k : List.of("cancelled_", "reduced_", "cleared_", "released_")) {
      columns.add(Column.integer(k + "areas"));
      columns.add(Column.km2(k + "km2"));
    }
    for (HazardType t : HazardType.values()) {
      columns.add(Column.integer("devices_" + t.name()));
    }
    columns.add(Column.integer("devices_total"));
    columns.add(Column.integer("year"));
    columns.add(Column.text("dataset"));
    columns.add(Column.integer("applied_up_to"));
    columns.add(Column.integer("last_event_sequence"));
    columns.add(Column.text("computed_at"));
    columns.add(Column.text("countries"));
    List<List<Object>> rows = new ArrayList<>();
    for (View v : r.views()) {
      List<Row> all = new ArrayList<>(v.rows());
      all.add(v.total());
      for (Row row : all) {
        List<Object> cells = new ArrayList<>(List.of(v.view(), row.code(), TreatyDocuments.rowName(row, w)));
        for (var rem : List.of(row.start(), row.end())) {
          areas(cells, rem.sha());
          areas(cells, rem.cha());
          areas(cells, rem.total());
        }
        cells.addAll(List.of(row.added().reportedKm2(), row.added().reclassifiedInKm2(),
            row.added().reclassifiedOutKm2(), row.added().km2()));
        areas(cells, row.released().cancelled());
        areas(cells, row.released().reduced());
        areas(cells, row.released().cleared());
        areas(cells, row.released().total());
        for (HazardType t : HazardType.values()) {
          cells.add(row.devices().getOrDefault(t, 0));
        }
        cells.add(row.devicesTotal());
        cells.add(r.year());
        cells.add(r.ledger().dataset());
        cells.add(r.ledger().appliedUpTo());
        cells.add(r.ledger().lastEventSequence());
        cells.add(r.ledger().computedAt().toString());
        cells.add(TreatyDocuments.countries(r));
        rows.add(cells);
      }
    }
    return new ReportTable("land-release", TreatyDocuments.title(r, w), columns, rows);
  }

  private static void areas(List<Object> cells, Areas a) {
    cells.add(a.areas());
    cells.add(a.km2());
  }
}
