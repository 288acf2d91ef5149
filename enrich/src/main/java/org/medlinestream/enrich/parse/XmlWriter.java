package org.medlinestream.enrich.parse;

/** Writes an {@link XmlElement} back as XML text, for elements kept verbatim in the extras. */
final class XmlWriter {
  private XmlWriter() {}

  static String toXml(XmlElement element) {
    StringBuilder xml = new StringBuilder(128);
    write(element, xml);
    return xml.toString();
  }

  private static void write(XmlElement element, StringBuilder xml) {
    xml.append('<').append(element.name());
    String[] attributes = element.attributes();
    for (int i = 0; i < attributes.length; i += 2) {
      xml.append(' ').append(attributes[i]).append("=\"");
      escape(attributes[i + 1], true, xml);
      xml.append('"');
    }
    if (element.content().isEmpty()) {
      xml.append("/>");
      return;
    }
    xml.append('>');
    for (Object item : element.content()) {
      if (item instanceof XmlElement) {
        write((XmlElement) item, xml);
      } else {
        escape((String) item, false, xml);
      }
    }
    xml.append("</").append(element.name()).append('>');
  }

  private static void escape(String text, boolean attribute, StringBuilder xml) {
    int plain = 0;
    for (int i = 0; i < text.length(); i++) {
      String entity = entity(text.charAt(i), attribute);
      if (entity != null) {
        xml.append(text, plain, i).append(entity);
        plain = i + 1;
      }
    }
    xml.append(text, plain, text.length());
  }

  private static String entity(char c, boolean attribute) {
    switch (c) {
      case '&':
        return "&amp;";
      case '<':
        return "&lt;";
      case '>':
        return attribute ? null : "&gt;";
      case '"':
        return attribute ? "&quot;" : null;
      default:
        return null;
    }
  }
}
