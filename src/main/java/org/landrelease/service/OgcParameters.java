package org.landrelease.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.landrelease.domain.LedgerException;
import org.landrelease.geometry.OgcCrs;
import org.locationtech.jts.geom.Envelope;

/** The OGC API's query parameters read from their text: crs, bbox (in bbox-crs), datetime. */
public final class OgcParameters {
  private OgcParameters() {}

  /** The CRS named by a parameter, CRS84 when absent; one the API does not offer is a 400 listing those it does. */
  public static OgcCrs crs(String name, String value) {
    if (value == null || value.isEmpty()) {
      return OgcCrs.CRS84;
    }
    return OgcCrs.of(value).orElseThrow(() -> LedgerException.badRequest("unsupported-crs",
        "'" + name + "' " + value + " is not offered; use " + OgcCrs.offered())
            .with("ogc.unsupportedCrs", "name", name, "value", value, "crs", OgcCrs.offered()));
  }

  /** A bbox of four numbers in the axis order of its CRS, as a CRS84 envelope. */
  public static Envelope bbox(String value, OgcCrs crs) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    String[] parts = value.split(",");
    try {
      if (parts.length != 4 && parts.length != 6) {
        throw new NumberFormatException();
      }
      int half = parts.length / 2;
      double a1 = Double.parseDouble(parts[0].trim()), b1 = Double.parseDouble(parts[1].trim());
      double a2 = Double.parseDouble(parts[half].trim()), b2 = Double.parseDouble(parts[half + 1].trim());
      if (!(a1 <= a2 && b1 <= b2)) {
        throw new NumberFormatException();
      }
      Envelope e = crs.toCrs84(a1, b1, a2, b2);
      if (Double.isNaN(e.getMinX()) || Double.isInfinite(e.getMinX())) {
        throw new NumberFormatException();
      }
      return e;
    } catch (NumberFormatException | IllegalStateException e) {
      throw LedgerException.badRequest("invalid-parameter", "'bbox' must be four numbers minX,minY,maxX,maxY in the "
          + "axis order of bbox-crs (CRS84: lon,lat; EPSG:4326: lat,lon), lower corner first; got '" + value + "'")
              .with("ogc.invalidBbox", "got", value);
    }
  }

  /**
   * A datetime instant or interval as the first and last dates it covers (null for an open end). The ledger's dates are
   * days, so a timestamp counts as its UTC date.
   */
  public static LocalDate[] datetime(String value) {
    if (value == null || value.isEmpty()) {
      return new LocalDate[2];
    }
    String[] parts = value.split("/", -1);
    if (parts.length > 2) {
      throw badDatetime(value);
    }
    LocalDate from = day(parts[0], value), to = parts.length == 1 ? from : day(parts[1], value);
    if (parts.length == 2 && from == null && to == null && !(parts[0].equals("..") || parts[1].equals(".."))) {
      throw badDatetime(value);
    }
    if (parts.length == 1 && from == null) {
      throw badDatetime(value);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw badDatetime(value);
    }
    return new LocalDate[] {from, to};
  }

  private static LocalDate day(String text, String whole) {
    if (text.isEmpty() || text.equals("..")) {
      return null;
    }
    try {
      // GDAL 3.6 turns "-where date >= '2024-03-01'" into datetime=2024-03-01T/..: a date with an empty time
      if (text.length() == 11 && text.endsWith("T")) {
        text = text.substring(0, 10);
      }
      if (text.length() <= 10) {
        return LocalDate.parse(text);
      }
      boolean zoned = text.endsWith("Z") || text.endsWith("z") || text.lastIndexOf('+') > 10
          || text.lastIndexOf('-') > 10;
      return zoned ? OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT)).atZoneSameInstant(ZoneOffset.UTC)
          .toLocalDate() : java.time.LocalDateTime.parse(text).toLocalDate();
    } catch (DateTimeParseException e) {
      throw badDatetime(whole);
    }
  }

  private static LedgerException badDatetime(String value) {
    return LedgerException.badRequest("invalid-parameter", "'datetime' must be a date or RFC 3339 timestamp, or an "
        + "interval start/end where either end may be '..' (2024-01-01/.., ../2024-06-30); got '" + value + "'")
            .with("ogc.invalidDatetime", "got", value);
  }
}
