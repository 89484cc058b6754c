package org.landrelease.http;

import java.util.Locale;
import java.util.UUID;
import org.landrelease.domain.Account;
import org.landrelease.domain.EventResult;
import org.landrelease.geometry.GeodesicArea;
import org.landrelease.service.EventParsing;
import org.locationtech.jts.io.WKTReader;

/**
 * A small ledger of the past, recorded as historical events (each counted on its own date) so that it crosses the
 * 2023/2024 and 2024/2025 boundaries. Areas are the geodesic km² of the rectangles, computed here from the shapes.
 *
 * <pre>
 * H1 SHA AP_MINE, Donetsk (UA-14), 2023-03-01; its east half cancelled 2023-09-01, that cancellation reversed
 *    2024-04-01 (restored as a new SHA hazard H1'); its west half reduced 2024-03-01
 * H2 SHA CLUSTER_MUNITION, UA-14, 2023-04-01; cleared whole 2024-06-01, 5 CLUSTER_MUNITION and 1 UXO found
 * H3 CHA AP_MINE+CLUSTER_MUNITION across the Donetsk/Zaporizhzhia border, 2023-05-01; cancelled whole 2025-02-01
 * H4 SHA UXO, Zaporizhzhia (UA-23), 2023-06-01; confirmed whole 2024-05-01 by a CHA report of CLUSTER_MUNITION
 * H5 SHA IED, UA-23, 2024-02-01
 * </pre>
 */
final class TreatyScenario {
  static final double H1_LON = 37.50, H1_LAT = 48.10, H2_LON = 37.60, H2_LAT = 48.10;
  static final double H3_LON = 36.57, H3_LAT = 47.79, H4_LON = 36.00, H4_LAT = 47.50, H5_LON = 36.10, H5_LAT = 47.50;

  /** km² of: H1's west and east halves, H2, H3 in UA-14 and in UA-23, H4, H5. */
  final double west, east, h2, h3Donetsk, h3Zaporizhzhia, h4, h5;
  long lastSequence;

  TreatyScenario(TestServer server) throws Exception {
    server.fund();
    west = km2(H1_LON, H1_LAT, H1_LON + 0.01, H1_LAT + 0.02);
    east = km2(H1_LON + 0.01, H1_LAT, H1_LON + 0.02, H1_LAT + 0.02);
    h2 = km2(H2_LON, H2_LAT, H2_LON + 0.02, H2_LAT + 0.02);
    h4 = km2(H4_LON, H4_LAT, H4_LON + 0.02, H4_LAT + 0.02);
    h5 = km2(H5_LON, H5_LAT, H5_LON + 0.01, H5_LAT + 0.01);
    record(server, report("2023-03-01", "SHA", "AP_MINE", rect(H1_LON, H1_LAT, H1_LON + 0.02, H1_LAT + 0.02)));
    record(server, report("2023-04-01", "SHA", "CLUSTER_MUNITION",
        rect(H2_LON, H2_LAT, H2_LON + 0.02, H2_LAT + 0.02)));
    EventResult h3 = record(server, report("2023-05-01", "CHA", "AP_MINE\",\"CLUSTER_MUNITION",
        rect(H3_LON, H3_LAT, H3_LON + 0.02, H3_LAT + 0.02)));
    double d = 0, z = 0;
    for (EventResult.RegionShare share : h3.byRegion()) {
      d += share.code().equals("UA-14") ? share.km2() : 0;
      z += share.code().equals("UA-23") ? share.km2() : 0;
    }
    h3Donetsk = d;
    h3Zaporizhzhia = z;
    record(server, report("2023-06-01", "SHA", "UXO", rect(H4_LON, H4_LAT, H4_LON + 0.02, H4_LAT + 0.02)));
    String cancel = UUID.randomUUID().toString();
    record(server, release(cancel, "NON_TECHNICAL_SURVEY", "2023-09-01",
        rect(H1_LON + 0.01, H1_LAT, H1_LON + 0.02, H1_LAT + 0.02)));
    record(server, report("2024-02-01", "SHA", "IED", rect(H5_LON, H5_LAT, H5_LON + 0.01, H5_LAT + 0.01)));
    record(server, release(UUID.randomUUID().toString(), "TECHNICAL_SURVEY", "2024-03-01",
        rect(H1_LON, H1_LAT, H1_LON + 0.01, H1_LAT + 0.02)));
    record(server, "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"REVERSAL\",\"date\":\"2024-04-01\","
        + "\"reverses\":\"" + cancel + "\",\"reason\":\"mines found in the cancelled land\"}");
    record(server, report("2024-05-01", "CHA", "CLUSTER_MUNITION",
        rect(H4_LON, H4_LAT, H4_LON + 0.02, H4_LAT + 0.02)));
    record(server, release(UUID.randomUUID().toString(), "CLEARANCE", "2024-06-01",
        rect(H2_LON, H2_LAT, H2_LON + 0.02, H2_LAT + 0.02))
        .replace("{\"AP_MINE\":2}", "{\"CLUSTER_MUNITION\":5,\"UXO\":1}"));
    record(server, release(UUID.randomUUID().toString(), "NON_TECHNICAL_SURVEY", "2025-02-01",
        rect(H3_LON - 0.01, H3_LAT - 0.01, H3_LON + 0.03, H3_LAT + 0.03)));
  }

  double h3() {
    return h3Donetsk + h3Zaporizhzhia;
  }

  private EventResult record(TestServer server, String body) throws Exception {
    EventResult r = server.app().ledger().record(EventParsing.parse(TestServer.JSON.readTree(body),
        TestServer.JSON), Account.system("treaty-test")).result();
    lastSequence = Math.max(lastSequence, r.sequence());
    return r;
  }

  private static String report(String date, String classification, String types, String geometry) {
    return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"HAZARD_REPORT\",\"date\":\"" + date
        + "\",\"partner\":\"HALO\",\"classification\":\"" + classification + "\",\"hazardTypes\":[\"" + types
        + "\"],\"geometry\":" + geometry + "}";
  }

  private static String release(String id, String type, String date, String geometry) {
    return TestServer.event(id, type, date, "HALO", "NL-HALO", geometry);
  }

  static String rect(double lon0, double lat0, double lon1, double lat1) {
    return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],"
        + "[%s,%s]]]}", lon0, lat0, lon1, lat0, lon1, lat1, lon0, lat1, lon0, lat0);
  }

  static double km2(double lon0, double lat0, double lon1, double lat1) throws Exception {
    String wkt = String.format(Locale.ROOT, "POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))", lon0, lat0, lon1, lat0,
        lon1, lat1, lon0, lat1, lon0, lat0);
    return GeodesicArea.m2(new WKTReader().read(wkt)) / 1e6;
  }
}
