package org.medlinestream.enrich.parse;

import java.util.List;
import org.medlinestream.avro.ExtraField;

/**
 * Keeps what the mapping did not use, so that nothing read is dropped: an unused element whole
 * (name = its path, value = its XML), an unused attribute of a used element as {@code path@name},
 * and text that a used container holds directly as {@code path/text()}.
 */
final class Leftovers {
  private final List<ExtraField> extras;
  private final XmlWriter writer;
  private final StringBuilder path = new StringBuilder(64);

  private Leftovers(List<ExtraField> extras, XmlWriter writer) {
    this.extras = extras;
    this.writer = writer;
  }

  /** Adds the leftovers of {@code root} to {@code extras}; paths start with the root's name. */
  static void collect(XmlElement root, List<ExtraField> extras, XmlWriter writer) {
    new Leftovers(extras, writer).element(root);
  }

  /**
   * Adds the leftovers of a wrapper element such as {@code PubmedArticle}: its attributes as {@code
   * Name@attribute}, its content with paths that start at its children.
   */
  static void collectInside(XmlElement wrapper, List<ExtraField> extras, XmlWriter writer) {
    Leftovers leftovers = new Leftovers(extras, writer);
    leftovers.path.append(wrapper.name());
    leftovers.attributes(wrapper);
    leftovers.path.setLength(0);
    leftovers.content(wrapper);
  }

  private void element(XmlElement element) {
    int parentLength = path.length();
    if (parentLength > 0) {
      path.append('/');
    }
    path.append(element.name());
    if (!element.isUsed()) {
      extras.add(new ExtraField(path.toString(), writer.toXml(element)));
    } else {
      attributes(element);
      if (!element.isTextRead()) {
        content(element);
      }
    }
    path.setLength(parentLength);
  }

  private void attributes(XmlElement element) {
    String[] attributes = element.attributes();
    for (int i = 0; i < attributes.length; i += 2) {
      if (!element.isAttributeUsed(i / 2)) {
        extras.add(new ExtraField(path + "@" + attributes[i], attributes[i + 1]));
      }
    }
  }

  /** Child elements and the text of a container whose text nobody read. */
  private void content(XmlElement element) {
    for (Object item : element.content()) {
      if (item instanceof XmlElement) {
        element((XmlElement) item);
      } else if (!XmlText.isBlank((String) item)) {
        int length = path.length();
        path.append(length > 0 ? "/text()" : "text()");
        extras.add(new ExtraField(path.toString(), XmlText.normalize((String) item)));
        path.setLength(length);
      }
    }
  }
}
