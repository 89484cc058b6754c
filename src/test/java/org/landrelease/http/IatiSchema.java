package org.landrelease.http;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The official IATI 2.03 activities schema (src/test/resources/iati, see SOURCE.md there), its includes and imports
 * resolved from the same folder, and XPath reads of a document.
 */
final class IatiSchema {
  private static final Schema SCHEMA = load();

  private IatiSchema() {}

  private static Schema load() {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      // the schemas import each other by relative file names; nothing is fetched from the network
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
      return factory.newSchema(IatiSchema.class.getResource("/iati/iati-activities-schema.xsd"));
    } catch (Exception e) {
      throw new IllegalStateException("the IATI schema in src/test/resources/iati does not load", e);
    }
  }

  /** Throws with the schema's message (line and column) unless the XML is a valid iati-activities document. */
  static void validate(String xml) throws Exception {
    SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static String text(Document doc, String xpath) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
  }

  static NodeList nodes(Document doc, String xpath) throws Exception {
    return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
  }
}
