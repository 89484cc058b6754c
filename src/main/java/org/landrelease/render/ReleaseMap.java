package org.landrelease.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.landrelease.domain.PieceKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws released land onto the region boundaries as a PNG-ready image, server-side and with no tile server: Java2D,
 * headless. The projection is equirectangular, x = lon · cos(mid-latitude), y = lat, so that a km is about as long
 * east-west as north-south in the middle of the view (over an oblast the error at the view's edges is a few %).
 * The view is the released land's extent with a margin, not the whole country; a piece smaller than MIN_PX shows
 * as a dot, so that a small release stays visible. Colours are the web client's (web/css/app.css).
 */
public final class ReleaseMap {
  static {
    // a server has no display: draw into images only
    System.setProperty("java.awt.headless", "true");
  }

  /** A released piece to draw. */
  public record Piece(PieceKind kind, Geometry geometry) {}

  /** An outline to draw under the pieces, with an optional label. */
  public record Outline(String label, Geometry geometry) {}

  public static final Map<PieceKind, Color> COLOURS = Map.of(PieceKind.CANCELLED, new Color(0x2b8cbe),
      PieceKind.REDUCED, new Color(0x41ab5d), PieceKind.CLEARED, new Color(0x006d2c));
  /** Below this size in pixels a piece is drawn as a dot of DOT_PX diameter. */
  static final double MIN_PX = 3;
  static final double DOT_PX = 7;
  /** Degrees of latitude per km: a mean over the WGS84 ellipsoid (111.32 km per degree), for the scale bar. */
  private static final double KM_PER_DEGREE = 111.32;
  /** The least span of a view (about 11 km), so that a single small release is shown in its surroundings. */
  private static final double MIN_SPAN_DEGREES = 0.1;
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private final int width;
  private final int height;
  private final Envelope view;
  private final double cosLat;
  private final double pxPerDegree;

  private ReleaseMap(int width, int height, Envelope view) {
    this.width = width;
    this.height = height;
    double midLat = (view.getMinY() + view.getMaxY()) / 2;
    this.cosLat = Math.cos(Math.toRadians(midLat));
    // fit the projected extent into the image, then widen the shorter side so that the scale is the same both ways
    double spanX = view.getWidth() * cosLat, spanY = view.getHeight();
    this.pxPerDegree = Math.min(width / spanX, height / spanY);
    double cx = view.centre().x, cy = view.centre().y;
    double halfLon = width / pxPerDegree / cosLat / 2, halfLat = height / pxPerDegree / 2;
    this.view = new Envelope(cx - halfLon, cx + halfLon, cy - halfLat, cy + halfLat);
  }

  /**
   * The view a map of these pieces shows: their extent with a margin of a quarter of it on each side, at least
   * MIN_SPAN_DEGREES across; the whole of the outlines when there are no pieces.
   */
  public static Envelope viewOf(List<Piece> pieces, List<Outline> outlines) {
    Envelope e = new Envelope();
    pieces.forEach(p -> e.expandToInclude(p.geometry().getEnvelopeInternal()));
    if (e.isNull()) {
      outlines.forEach(o -> e.expandToInclude(o.geometry().getEnvelopeInternal()));
      return e.isNull() ? new Envelope(22, 40, 44, 53) : e;
    }
    double mx = Math.max(e.getWidth() / 4, (MIN_SPAN_DEGREES - e.getWidth()) / 2);
    double my = Math.max(e.getHeight() / 4, (MIN_SPAN_DEGREES - e.getHeight()) / 2);
    e.expandBy(Math.max(mx, 0), Math.max(my, 0));
    return e;
  }

  /** Draws the map: outlines, pieces by outcome colour, a scale bar in km and a legend. */
  public static BufferedImage draw(List<Piece> pieces, List<Outline> outlines, int width, int height) {
    return new ReleaseMap(width, height, viewOf(pieces, outlines)).render(pieces, outlines);
  }

  private BufferedImage render(List<Piece> pieces, List<Outline> outlines) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(0xF4F6F8));
      g.fillRect(0, 0, width, height);
      Font font = font(12f);
      g.setFont(font);
      for (Outline o : outlines) {
        if (o.geometry().getEnvelopeInternal().intersects(view)) {
          g.setColor(new Color(0xFFFFFF));
          g.fill(path(o.geometry()));
        }
      }
      g.setStroke(new BasicStroke(1.2f));
      g.setColor(new Color(0x7A7A7A));
      for (Outline o : outlines) {
        if (o.geometry().getEnvelopeInternal().intersects(view)) {
          g.draw(path(o.geometry()));
        }
      }
      drawPieces(g, pieces);
      labels(g, outlines);
      scaleBar(g);
      legend(g);
    } finally {
      g.dispose();
    }
    return img;
  }

  private void drawPieces(Graphics2D g, List<Piece> pieces) {
    g.setStroke(new BasicStroke(0.8f));
    for (Piece p : pieces) {
      Envelope e = p.geometry().getEnvelopeInternal();
      Color c = COLOURS.get(p.kind());
      g.setColor(c);
      if (e.getWidth() * cosLat * pxPerDegree < MIN_PX && e.getHeight() * pxPerDegree < MIN_PX) {
        Coordinate mid = e.centre();
        g.fill(new Ellipse2D.Double(x(mid.x) - DOT_PX / 2, y(mid.y) - DOT_PX / 2, DOT_PX, DOT_PX));
      } else {
        Path2D shape = path(p.geometry());
        g.fill(shape);
        g.setColor(c.darker());
        g.draw(shape);
      }
    }
  }

  private void labels(Graphics2D g, List<Outline> outlines) {
    g.setColor(new Color(0x555555));
    for (Outline o : outlines) {
      if (o.label() == null || !view.contains(o.geometry().getInteriorPoint().getCoordinate())) {
        continue;
      }
      Coordinate c = o.geometry().getInteriorPoint().getCoordinate();
      int w = g.getFontMetrics().stringWidth(o.label());
      if (w > o.geometry().getEnvelopeInternal().getWidth() * cosLat * pxPerDegree) {
        continue; // a region narrower than its name (a city inside its oblast) would cover its neighbour's label
      }
      g.drawString(o.label(), (float) (x(c.x) - w / 2.0), (float) y(c.y));
    }
  }

  /** A bar of a round length (1, 2 or 5 × 10ⁿ km) near a fifth of the image's width, at the bottom left. */
  private void scaleBar(Graphics2D g) {
    double kmPerPx = KM_PER_DEGREE / pxPerDegree;
    double km = niceKm(kmPerPx * width / 5);
    int px = (int) Math.round(km / kmPerPx);
    int x0 = 16, y0 = height - 18;
    g.setColor(new Color(255, 255, 255, 210));
    g.fillRect(x0 - 8, y0 - 24, px + 16 + 60, 36);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(2f));
    g.drawLine(x0, y0, x0 + px, y0);
    g.drawLine(x0, y0 - 5, x0, y0 + 3);
    g.drawLine(x0 + px, y0 - 5, x0 + px, y0 + 3);
    g.drawString(formatKm(km) + " km", x0, y0 - 8);
  }

  static double niceKm(double km) {
    double p = Math.pow(10, Math.floor(Math.log10(km)));
    double m = km / p;
    return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
  }

  private static String formatKm(double km) {
    return km >= 1 ? String.valueOf(Math.round(km)) : String.valueOf(km).replaceAll("0+$", "");
  }

  private void legend(Graphics2D g) {
    String[] labels = {"Cancelled (non-technical survey)", "Reduced (technical survey)", "Cleared (clearance)",
        "Region boundary"};
    PieceKind[] kinds = {PieceKind.CANCELLED, PieceKind.REDUCED, PieceKind.CLEARED, null};
    int w = 0;
    for (String l : labels) {
      w = Math.max(w, g.getFontMetrics().stringWidth(l));
    }
    int x0 = width - w - 44, y0 = 10, row = 18;
    g.setColor(new Color(255, 255, 255, 225));
    g.fillRect(x0, y0, w + 34, row * labels.length + 10);
    g.setColor(new Color(0xAAAAAA));
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x0, y0, w + 34, row * labels.length + 10);
    for (int i = 0; i < labels.length; i++) {
      int y = y0 + 6 + i * row;
      if (kinds[i] != null) {
        g.setColor(COLOURS.get(kinds[i]));
        g.fillRect(x0 + 8, y + 2, 14, 12);
      } else {
        g.setColor(new Color(0x7A7A7A));
        g.drawRect(x0 + 8, y + 2, 14, 12);
      }
      g.setColor(Color.BLACK);
      g.drawString(labels[i], x0 + 28, y + 13);
    }
  }

  private double x(double lon) {
    return (lon - view.getMinX()) * cosLat * pxPerDegree;
  }

  private double y(double lat) {
    return (view.getMaxY() - lat) * pxPerDegree;
  }

  /** The polygons of a geometry as one path (holes by the even-odd rule); lines and points draw nothing. */
  private Path2D path(Geometry geom) {
    Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
    for (int i = 0; i < geom.getNumGeometries(); i++) {
      Geometry part = geom.getGeometryN(i);
      if (part instanceof Polygon p) {
        ring(path, p.getExteriorRing().getCoordinates());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          ring(path, p.getInteriorRingN(h).getCoordinates());
        }
      } else if (part instanceof GeometryCollection) {
        path.append(path(part), false);
      }
    }
    return path;
  }

  private void ring(Path2D path, Coordinate[] ring) {
    path.moveTo(x(ring[0].x), y(ring[0].y));
    for (int i = 1; i < ring.length; i++) {
      path.lineTo(x(ring[i].x), y(ring[i].y));
    }
    path.closePath();
  }

  /** Liberation Sans from PDFBox's resources, so that no system font (or fontconfig) is needed on a server. */
  private static Font font(float size) {
    try (InputStream in = ReleaseMap.class.getResourceAsStream(FONT)) {
      if (in != null) {
        return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
      }
    } catch (IOException | java.awt.FontFormatException e) {
      // fall back to the logical font below
    }
    return new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(size));
  }
}
