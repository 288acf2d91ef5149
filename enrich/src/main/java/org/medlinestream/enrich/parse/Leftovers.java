package org.medlinestream.enrich.parse;

import java.util.List;
import org.medlinestream.avro.ExtraField;

/**
 * Keeps what the mapping did not use, so that nothing read is dropped: an unused element whole
 * (name = its path, value = its XML), an unused attribute of a used element as {@code path@name},
 * and text that a used container holds directly as {@code path/text()}.
 */
final class Leftovers {
  private Leftovers() {}

  /** Adds the leftovers of {@code element}, whose path is {@code path}, to {@code extras}. */
  static void collect(XmlElement element, String path, List<ExtraField> extras) {
    if (!element.isUsed()) {
      extras.add(new ExtraField(path, XmlWriter.toXml(element)));
      return;
    }
    String[] attributes = element.attributes();
    for (int i = 0; i < attributes.length; i += 2) {
      if (!element.isAttributeUsed(i / 2)) {
        extras.add(new ExtraField(path + "@" + attributes[i], attributes[i + 1]));
      }
    }
    collectContent(element, path, extras);
  }

  /** Like {@link #collect}, for the content only: children's paths start at {@code path}. */
  static void collectContent(XmlElement element, String path, List<ExtraField> extras) {
    String prefix = path.isEmpty() ? "" : path + "/";
    for (Object item : element.content()) {
      if (item instanceof XmlElement) {
        XmlElement child = (XmlElement) item;
        collect(child, prefix + child.name(), extras);
      } else if (!element.isTextRead()) {
        String text = XmlText.normalize((String) item);
        if (text != null) {
          extras.add(new ExtraField(prefix + "text()", text));
        }
      }
    }
  }
}
