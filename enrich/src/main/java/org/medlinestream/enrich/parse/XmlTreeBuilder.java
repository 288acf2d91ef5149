package org.medlinestream.enrich.parse;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one record's XML into {@link XmlElement}s with Aalto's StAX parser (38 % more PubMed XML
 * per CPU second than the JDK's in {@code PubmedXmlParserBenchmark.parserAlone}), hardened: no
 * DTD (a DOCTYPE is refused), no external entities, no entity other than the five predefined ones,
 * nothing resolved or fetched, nesting bounded. Not thread-safe: use one per thread.
 */
final class XmlTreeBuilder {
  private static final Logger log = LoggerFactory.getLogger(XmlTreeBuilder.class);

  /** Deepest element nesting accepted (PubMed records nest about 10 deep, MathML a little more). */
  static final int MAX_DEPTH = 256;

  private final XMLInputFactory factory;

  XmlTreeBuilder() {
    factory = new InputFactoryImpl();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    // Text parsed as the reader reaches it, so that bad text (invalid UTF-8, a truncated record)
    // fails next() with a located XMLStreamException rather than a later getText().
    factory.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
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
          int end = endLine(reader);
          throw new MalformedRecordException(
              "a DOCTYPE (ending at line "
                  + end
                  + "): refused, a record is one element without"
                  + " DTD (external entities and entity expansion are not allowed)",
              end);
        case XMLStreamConstants.ENTITY_REFERENCE:
          throw new MalformedRecordException(
              "the entity \""
                  + reader.getLocalName()
                  + "\" (&"
                  + reader.getLocalName()
                  + ";) at line "
                  + line(reader)
                  + ", column "
                  + reader.getLocation().getColumnNumber()
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

  /** The line where the current event ends (Aalto's own location says where it starts). */
  private static int endLine(XMLStreamReader reader) throws XMLStreamException {
    return Math.max(1, ((XMLStreamReader2) reader).getLocationInfo().getEndLocation()
        .getLineNumber());
  }

  private static MalformedRecordException malformed(XMLStreamException e) {
    Location location = e.getLocation();
    long line = location == null ? 1 : Math.max(1, location.getLineNumber());
    String message = String.valueOf(e.getMessage());
    String what = message.lines().findFirst().orElse(message).strip(); // less the location line
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
