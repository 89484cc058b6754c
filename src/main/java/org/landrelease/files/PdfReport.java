package org.landrelease.files;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A report as a PDF: A4 pages that flow top to bottom (headings, paragraphs, facts, tables that continue on the next
 * page with their header repeated, images), numbered at the foot. The font is the Liberation Sans that PDFBox carries,
 * embedded as a subset: it has Latin and Cyrillic, so region names in Ukrainian print as they are.
 */
public final class PdfReport implements AutoCloseable {
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final float MARGIN = 48;
  private static final float BODY = 9;
  private static final float ROW = 13;

  private final PDDocument doc = new PDDocument();
  private final PDType0Font font;
  private final String title;
  private final NumberFormat km2Format;
  private final NumberFormat integerFormat;
  private String footer = "{title} · page {n} of {m}";
  private PDPage page;
  private PDPageContentStream out;
  private float y;

  public PdfReport(String title, Locale locale) throws IOException {
    this.title = title;
    try (InputStream in = PdfReport.class.getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IOException("PDFBox's font " + FONT + " is not on the class path");
      }
      font = PDType0Font.load(doc, in);
    }
    km2Format = NumberFormat.getNumberInstance(locale);
    km2Format.setMinimumFractionDigits(3);
    km2Format.setMaximumFractionDigits(3);
    integerFormat = NumberFormat.getIntegerInstance(locale);
    doc.getDocumentInformation().setTitle(title);
    doc.getDocumentInformation().setCreator("land-release ledger");
    newPage();
  }

  private float width() {
    return PDRectangle.A4.getWidth() - 2 * MARGIN;
  }

  private void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }

  private void room(float height) throws IOException {
    if (y - height < MARGIN + 16) {
      newPage();
    }
  }

  public PdfReport heading(String text, float size) throws IOException {
    room(size * 2.2f);
    y -= size * 1.4f;
    text(MARGIN, y, text, size, Color.BLACK);
    y -= size * 0.6f;
    return this;
  }

  /** Wrapped text at body size. */
  public PdfReport paragraph(String text) throws IOException {
    for (String line : wrap(text, BODY, width())) {
      room(ROW);
      y -= ROW;
      text(MARGIN, y, line, BODY, Color.DARK_GRAY);
    }
    y -= 4;
    return this;
  }

  public PdfReport facts(List<ReportTable.Fact> facts) throws IOException {
    float labelWidth = 0;
    for (ReportTable.Fact f : facts) {
      labelWidth = Math.max(labelWidth, textWidth(f.label(), BODY));
    }
    labelWidth = Math.min(labelWidth + 12, width() / 2);
    for (ReportTable.Fact f : facts) {
      List<String> lines = wrap(f.value(), BODY, width() - labelWidth);
      room(ROW * lines.size());
      text(MARGIN, y - ROW, f.label(), BODY, Color.GRAY);
      for (String line : lines) {
        y -= ROW;
        text(MARGIN + labelWidth, y, line, BODY, Color.BLACK);
      }
    }
    y -= 6;
    return this;
  }

  /** An image scaled to the text width (or its own size if smaller), with a caption under it. */
  public PdfReport image(BufferedImage image, String caption) throws IOException {
    float w = Math.min(width(), image.getWidth());
    float h = w * image.getHeight() / image.getWidth();
    room(h + ROW + 6);
    PDImageXObject x = LosslessFactory.createFromImage(doc, image);
    y -= h;
    out.drawImage(x, MARGIN, y, w, h);
    y -= ROW;
    text(MARGIN, y, caption, BODY - 1, Color.GRAY);
    y -= 6;
    return this;
  }

  public PdfReport table(ReportTable table) throws IOException {
    heading(table.title(), 11);
    List<List<String>> cells = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      List<String> texts = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) {
        texts.add(format(row.get(c), table.columns().get(c).kind()));
      }
      cells.add(texts);
    }
    float[] widths = columnWidths(table, cells);
    List<List<String>> headings = new ArrayList<>();
    int headLines = 1;
    for (int c = 0; c < widths.length; c++) {
      List<String> lines = wrap(table.columns().get(c).heading(), BODY, widths[c] - 4);
      headings.add(lines);
      headLines = Math.max(headLines, lines.size());
    }
    header(table, widths, headings, headLines);
    boolean shade = false;
    for (List<String> row : cells) {
      if (y - ROW < MARGIN + 16) {
        newPage();
        header(table, widths, headings, headLines);
      }
      y -= ROW;
      if (shade) {
        fill(MARGIN, y - 3, width(), ROW, new Color(0xF2, 0xF2, 0xF2));
      }
      shade = !shade;
      float x = MARGIN;
      for (int c = 0; c < widths.length; c++) {
        String s = fit(row.get(c), BODY, widths[c] - 4);
        boolean right = table.columns().get(c).kind() != ReportTable.Kind.TEXT;
        text(right ? x + widths[c] - 2 - textWidth(s, BODY) : x + 2, y, s, BODY, Color.BLACK);
        x += widths[c];
      }
    }
    if (cells.isEmpty()) {
      paragraph("(none)");
    }
    y -= 8;
    return this;
  }

  private void header(ReportTable table, float[] widths, List<List<String>> headings, int lines) throws IOException {
    float h = lines * (BODY + 2) + 6;
    room(h + ROW);
    fill(MARGIN, y - h, width(), h, new Color(0xDD, 0xDD, 0xDD));
    float x = MARGIN;
    for (int c = 0; c < widths.length; c++) {
      float ly = y - BODY - 2;
      for (String line : headings.get(c)) {
        boolean right = table.columns().get(c).kind() != ReportTable.Kind.TEXT;
        text(right ? x + widths[c] - 2 - textWidth(line, BODY) : x + 2, ly, line, BODY, Color.BLACK);
        ly -= BODY + 2;
      }
      x += widths[c];
    }
    y -= h;
  }

  /** Each column as wide as its longest cell (headings may wrap), scaled down to the page if they do not fit. */
  private float[] columnWidths(ReportTable table, List<List<String>> cells) {
    int n = table.columns().size();
    float[] w = new float[n];
    for (int c = 0; c < n; c++) {
      String heading = table.columns().get(c).heading();
      float longestWord = 0;
      for (String word : heading.split(" ")) {
        longestWord = Math.max(longestWord, textWidth(word, BODY));
      }
      w[c] = Math.max(longestWord, Math.min(textWidth(heading, BODY), 90)) + 6;
      for (List<String> row : cells) {
        w[c] = Math.max(w[c], Math.min(textWidth(row.get(c), BODY), 220) + 6);
      }
    }
    float total = 0;
    for (float v : w) {
      total += v;
    }
    float scale = total > width() ? width() / total : 1;
    for (int c = 0; c < n; c++) {
      w[c] = w[c] * scale;
    }
    if (scale == 1 && n > 0) {
      w[0] += width() - total; // the first column takes the rest, so the table spans the page
    }
    return w;
  }

  private String format(Object v, ReportTable.Kind kind) {
    if (v == null) {
      return "";
    }
    return switch (kind) {
      case TEXT -> (String) v;
      case INTEGER -> integerFormat.format(((Number) v).longValue());
      case KM2 -> km2Format.format(((Number) v).doubleValue());
      case DATE -> ((LocalDate) v).toString();
    };
  }

  private void text(float x, float y, String s, float size, Color color) throws IOException {
    out.beginText();
    out.setFont(font, size);
    out.setNonStrokingColor(color);
    out.newLineAtOffset(x, y);
    out.showText(printable(s));
    out.endText();
  }

  private void fill(float x, float y, float w, float h, Color color) throws IOException {
    out.setNonStrokingColor(color);
    out.addRect(x, y, w, h);
    out.fill();
  }

  /** The text with every character the font has no glyph for replaced by '?', so that no input can break a report. */
  private String printable(String s) {
    try {
      font.encode(s);
      return s;
    } catch (IOException | IllegalArgumentException e) {
      StringBuilder b = new StringBuilder();
      s.codePoints().forEach(cp -> {
        String ch = new String(Character.toChars(cp));
        try {
          font.encode(ch);
          b.append(ch);
        } catch (IOException | IllegalArgumentException bad) {
          b.append('?');
        }
      });
      return b.toString();
    }
  }

  private float textWidth(String s, float size) {
    try {
      return font.getStringWidth(printable(s)) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String fit(String s, float size, float width) {
    if (textWidth(s, size) <= width) {
      return s;
    }
    String cut = s;
    while (!cut.isEmpty() && textWidth(cut + "…", size) > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "…";
  }

  private List<String> wrap(String text, float size, float width) {
    List<String> lines = new ArrayList<>();
    for (String para : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : para.split(" ")) {
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (line.length() > 0 && textWidth(candidate, size) > width) {
          lines.add(line.toString());
          line = new StringBuilder(fit(word, size, width));
        } else {
          line = new StringBuilder(textWidth(candidate, size) > width ? fit(candidate, size, width) : candidate);
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** The foot of each page in the document's language, with {title}, {n} (this page) and {m} (pages). */
  public PdfReport footer(String pattern) {
    this.footer = pattern;
    return this;
  }

  /** Numbers the pages ("title · page n of m") and writes the document. */
  public void write(OutputStream target) throws IOException {
    out.close();
    out = null;
    int n = doc.getNumberOfPages();
    for (int i = 0; i < n; i++) {
      try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i),
          PDPageContentStream.AppendMode.APPEND, true, true)) {
        String s = printable(footer.replace("{title}", title).replace("{n}", Integer.toString(i + 1))
            .replace("{m}", Integer.toString(n)));
        foot.beginText();
        foot.setFont(font, BODY - 1);
        foot.setNonStrokingColor(Color.GRAY);
        foot.newLineAtOffset(MARGIN, MARGIN - 20);
        foot.showText(s);
        foot.endText();
      }
    }
    doc.save(target);
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
    }
    doc.close();
  }
}
