package org.medlinestream.enrich.parse;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one record's XML into {@link XmlElement}s with the JDK's StAX parser, hardened: no DTD (a
 * DOCTYPE is refused), no external entities, no entity other than the five predefined ones, nothing
 * resolved or fetched, nesting bounded. Not thread-safe: use one per thread.
 */
final class XmlTreeBuilder {
  private static final Logger log = LoggerFactory.getLogger(XmlTreeBuilder.class);

  /** Deepest element nesting accepted (PubMed records nest about 10 deep, MathML a little more). */
  static final int MAX_DEPTH = 256;

  private static final String REUSE_INSTANCE = "reuse-instance";

  private final XMLInputFactory factory;

  XmlTreeBuilder() {
    factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    // The JDK parser may then reset and reuse one stream reader instead of building a new one
    // for every record (which costs more than parsing a small record).
    factory.setProperty(REUSE_INSTANCE, Boolean.TRUE);
    factory.setXMLReporter(
        (message, type, info, location) -> log.debug("XML warning ({}): {}", type, message));
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("refused to resolve the external resource " + systemId);
        });
  }

  /** The root element of the record in {@code xml[offset, offset + length)} (UTF-8). */
  XmlElement build(byte[] xml, int offset, int length) throws MalformedRecordException {
    XMLStreamReader reader = null;
    try {
      reader =
          factory.createXMLStreamReader(new ByteArrayInputStream(xml, offset, length), "UTF-8");
      return read(reader);
    } catch (XMLStreamException e) {
      throw malformed(e);
    } finally {
      close(reader);
    }
  }

  private static XmlElement read(XMLStreamReader reader)
      throws XMLStreamException, MalformedRecordException {
    Deque<XmlElement> open = new ArrayDeque<>();
    XmlElement root = null;
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT:
          if (open.size() >= MAX_DEPTH) {
            throw new MalformedRecordException(
                "elements nested more than "
                    + MAX_DEPTH
                    + " deep, at line "
                    + line(reader)
                    + ", column "
                    + reader.getLocation().getColumnNumber(),
                line(reader));
          }
          XmlElement element =
              new XmlElement(reader.getLocalName(), attributes(reader), line(reader));
          if (open.isEmpty()) {
            root = element;
          } else {
            open.peek().add(element);
          }
          open.push(element);
          break;
        case XMLStreamConstants.END_ELEMENT:
          open.pop();
          break;
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          if (!open.isEmpty()) {
            open.peek().add(reader.getText());
          }
          break;
        case XMLStreamConstants.DTD:
          throw new MalformedRecordException(
              "a DOCTYPE (ending at line "
                  + line(reader)
                  + "): refused, a record is one element without"
                  + " DTD (external entities and entity expansion are not allowed)",
              line(reader));
        case XMLStreamConstants.ENTITY_REFERENCE:
          throw new MalformedRecordException(
              "the entity reference &"
                  + reader.getLocalName()
                  + "; at line "
                  + line(reader)
                  + ": refused, only &amp; &lt; &gt; &quot; &apos; and character references"
                  + " are allowed",
              line(reader));
        default:
          break;
      }
    }
    if (root == null) {
      throw new MalformedRecordException("no XML element in the record", 1);
    }
    return root;
  }

  private static String[] attributes(XMLStreamReader reader) {
    int count = reader.getAttributeCount();
    String[] attributes = new String[2 * count];
    for (int i = 0; i < count; i++) {
      attributes[2 * i] = reader.getAttributeLocalName(i);
      attributes[2 * i + 1] = reader.getAttributeValue(i);
    }
    return attributes;
  }

  private static int line(XMLStreamReader reader) {
    return Math.max(1, reader.getLocation().getLineNumber());
  }

  private static MalformedRecordException malformed(XMLStreamException e) {
    Location location = e.getLocation();
    long line = location == null ? 1 : Math.max(1, location.getLineNumber());
    String message = e.getMessage();
    int detail = message == null ? -1 : message.indexOf("Message: ");
    String what = detail < 0 ? String.valueOf(message) : message.substring(detail + 9).strip();
    if (what.contains("was referenced, but not declared")) {
      what +=
          " (only &amp; &lt; &gt; &quot; &apos; and character references are allowed;"
              + " entity declarations and expansion are refused)";
    }
    String where =
        location == null ? "" : " at line " + line + ", column " + location.getColumnNumber();
    return new MalformedRecordException("not well-formed XML" + where + ": " + what, line);
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing was opened that needs closing: the input is an in-memory array
      }
    }
  }
}
