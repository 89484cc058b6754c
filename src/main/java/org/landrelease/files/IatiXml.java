package org.landrelease.files;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.landrelease.domain.Country;

/**
 * Writes an IATI 2.03 iati-activities document with the JDK's streaming writer, elements in the order the schema's
 * sequences require (iati-activities-schema.xsd). Text is English (xml:lang="en" on the activity).
 */
public final class IatiXml {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
  /** The sector of every grant: OECD DAC 5-digit purpose code (vocabulary 1). */
  static final String SECTOR = "15250";
  static final String SECTOR_NAME = "Removal of land mines and explosive remnants of war";
  private final XMLStreamWriter w;

  private IatiXml(XMLStreamWriter w) {
    this.w = w;
  }

  /** The document: a comment naming the ledger state it was computed from, then the activities. */
  public static void write(OutputStream out, Instant generated, String ledgerState, List<IatiActivity> activities)
      throws XMLStreamException {
    XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
    w.writeStartDocument("UTF-8", "1.0");
    w.writeCharacters("\n");
    w.writeComment(" " + ledgerState.replace("--", "- -") + " ");
    w.writeCharacters("\n");
    w.writeStartElement("iati-activities");
    w.writeAttribute("version", "2.03");
    w.writeAttribute("generated-datetime", dateTime(generated));
    IatiXml xml = new IatiXml(w);
    for (IatiActivity a : activities) {
      xml.activity(a);
    }
    w.writeEndElement();
    w.writeEndDocument();
    w.flush();
  }

  private void activity(IatiActivity a) throws XMLStreamException {
    w.writeStartElement("iati-activity");
    w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
    w.writeAttribute("last-updated-datetime", dateTime(a.lastUpdated()));
    if (a.currency() != null) {
      w.writeAttribute("default-currency", a.currency());
    }
    w.writeAttribute("humanitarian", "1");
    text("iati-identifier", a.identifier());
    start("reporting-org", "ref", a.reportingOrg().ref(), "type", a.reportingOrg().type());
    narrative(a.reportingOrg().name());
    w.writeEndElement();
    narrated("title", a.title());
    start("description", "type", "1");
    narrative(a.description());
    w.writeEndElement();
    for (IatiActivity.Org o : a.participatingOrgs()) {
      start("participating-org", "ref", o.ref(), "type", o.type(), "role", o.role(), "activity-id", o.activityId());
      narrative(o.name());
      w.writeEndElement();
    }
    // the ledger's own id of the grant (A1: the reporting organisation's internal activity identifier)
    empty("other-identifier", "ref", a.ledgerGrantId(), "type", "A1");
    empty("activity-status", "code", a.status());
    for (IatiActivity.Day d : a.dates()) {
      empty("activity-date", "type", d.type(), "iso-date", d.date().toString());
    }
    List<String> countries = recipientCountries(a.places());
    for (int k = 0; k < countries.size(); k++) {
      // equal shares in whole percent, the remainder to the first, so that they add up to 100 as IATI requires
      int share = 100 / countries.size() + (k == 0 ? 100 % countries.size() : 0);
      start("recipient-country", "code", countries.get(k), "percentage", Integer.toString(share));
      narrative(new Locale("", countries.get(k)).getDisplayCountry(Locale.ENGLISH));
      w.writeEndElement();
    }
    for (IatiActivity.Place p : a.places()) {
      place(p);
    }
    start("sector", "vocabulary", "1", "code", SECTOR, "percentage", "100");
    narrative(SECTOR_NAME);
    w.writeEndElement();
    if (a.funding() != null) {
      funding(a.funding());
    }
    if (a.report() != null) {
      report(a.report());
    }
    if (!a.indicators().isEmpty()) {
      result(a.indicators());
    }
    w.writeEndElement();
  }

  /**
   * The countries of an activity: those of the regions its land was released in (a region's ISO 3166-2 code starts
   * with its country's), in code order; Ukraine, the ledger's first country, for an activity with no land yet.
   */
  static List<String> recipientCountries(List<IatiActivity.Place> places) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (IatiActivity.Place p : places) {
      String country = Country.ofRegion(p.ref());
      if (country != null) {
        out.add(country);
      }
    }
    return out.isEmpty() ? List.of("UA") : List.copyOf(out);
  }

  private void place(IatiActivity.Place p) throws XMLStreamException {
    start("location", "ref", p.ref());
    // GeographicLocationReach 1: the activity happens here
    empty("location-reach", "code", "1");
    narrated("name", p.name());
    narrated("description", p.description());
    start("point", "srsName", "http://www.opengis.net/def/crs/EPSG/0/4326");
    text("pos", String.format(Locale.ROOT, "%.6f %.6f", p.lat(), p.lon()));
    w.writeEndElement();
    // the point lies on released land but stands for all of it in the region: exactness 2 (approximate), and
    // GeographicLocationClass 4 (other topographical feature): land, not a settlement or a boundary
    empty("exactness", "code", "2");
    empty("location-class", "code", "4");
    w.writeEndElement();
  }

  private void funding(IatiActivity.Funding f) throws XMLStreamException {
    // type 1 original budget, status 2 committed
    start("budget", "type", "1", "status", "2");
    empty("period-start", "iso-date", f.start().toString());
    empty("period-end", "iso-date", f.end().toString());
    value(f.amount(), f.currency(), f.start());
    w.writeEndElement();
    w.writeStartElement("transaction");
    // 11: incoming commitment, the grant as agreed (the ledger knows no disbursements)
    empty("transaction-type", "code", "11");
    empty("transaction-date", "iso-date", f.start().toString());
    value(f.amount(), f.currency(), f.start());
    start("provider-org", "ref", f.provider().ref(), "provider-activity-id", f.provider().activityId(), "type",
        f.provider().type());
    narrative(f.provider().name());
    w.writeEndElement();
    start("receiver-org", "ref", f.receiver().ref(), "receiver-activity-id", f.receiver().activityId(), "type",
        f.receiver().type());
    narrative(f.receiver().name());
    w.writeEndElement();
    w.writeEndElement();
  }

  private void value(java.math.BigDecimal amount, String currency, LocalDate date) throws XMLStreamException {
    start("value", "currency", currency, "value-date", date.toString());
    w.writeCharacters(amount.toPlainString());
    w.writeEndElement();
  }

  private void report(IatiActivity.Link link) throws XMLStreamException {
    start("document-link", "format", "application/json", "url", link.url());
    narrated("title", link.title());
    // A08: results, outcomes and outputs
    empty("category", "code", "A08");
    empty("language", "code", "en");
    empty("document-date", "iso-date", link.date().toString());
    w.writeEndElement();
  }

  private void result(List<IatiActivity.Indicator> indicators) throws XMLStreamException {
    // type 1: output; the km² of the indicators add up across activities
    start("result", "type", "1", "aggregation-status", "1");
    narrated("title", "Land released (km²)");
    narrated("description", "Land released by non-technical survey (cancelled), technical survey (reduced) and "
        + "clearance (cleared), in geodesic km² on WGS84, as recorded in the national land-release ledger.");
    for (IatiActivity.Indicator i : indicators) {
      start("indicator", "measure", "1", "ascending", "1", "aggregation-status", "1");
      narrated("title", i.title());
      narrated("description", i.description());
      empty("reference", "vocabulary", "99", "code", i.code(), "indicator-uri", i.uri());
      for (IatiActivity.Period p : i.periods()) {
        w.writeStartElement("period");
        empty("period-start", "iso-date", p.start().toString());
        empty("period-end", "iso-date", p.end().toString());
        if (p.targetKm2() != null) {
          empty("target", "value", km2(p.targetKm2()));
        }
        start("actual", "value", km2(p.actualKm2()));
        narrated("comment", p.comment());
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  /** km² to the square metre, as the ledger presents them. */
  static String km2(double km2) {
    return new java.math.BigDecimal(Math.round(km2 * 1e6)).movePointLeft(6).stripTrailingZeros().toPlainString();
  }

  private static String dateTime(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  private void text(String name, String value) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  private void narrative(String text) throws XMLStreamException {
    text("narrative", text);
  }

  private void narrated(String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    narrative(text);
    w.writeEndElement();
  }

  /** Starts an element with attributes given as name, value pairs; a null value leaves its attribute out. */
  private void start(String name, String... attributes) throws XMLStreamException {
    w.writeStartElement(name);
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        w.writeAttribute(attributes[i], attributes[i + 1]);
      }
    }
  }

  private void empty(String name, String... attributes) throws XMLStreamException {
    start(name, attributes);
    w.writeEndElement();
  }
}
