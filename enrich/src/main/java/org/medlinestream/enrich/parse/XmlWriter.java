package org.medlinestream.enrich.parse;

/**
 * Writes an {@link XmlElement} back as XML text, for elements kept verbatim in the extras, into a
 * buffer kept from one element to the next (a reference list runs to tens of kilobytes: a buffer
 * made for each would grow by copying many times). Not thread-safe.
 */
final class XmlWriter {
  private final StringBuilder xml = new StringBuilder(4096);

  String toXml(XmlElement element) {
    xml.setLength(0);
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

  /**
   * Appends {@code text} escaped. Text with nothing to escape (the usual case) is appended whole:
   * {@code append(CharSequence, int, int)} copies char by char, {@code append(String)} in bulk.
   */
  private static void escape(String text, boolean attribute, StringBuilder xml) {
    int first = 0;
    while (first < text.length() && entity(text.charAt(first), attribute) == null) {
      first++;
    }
    if (first == text.length()) {
      xml.append(text);
      return;
    }
    int plain = 0;
    for (int i = first; i < text.length(); i++) {
      String entity = entity(text.charAt(i), attribute);
      if (entity != null) {
        xml.append(text.substring(plain, i)).append(entity);
        plain = i + 1;
      }
    }
    xml.append(text.substring(plain));
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
