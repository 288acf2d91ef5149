package org.medlinestream.enrich.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One element of a parsed record: name, attributes and content (text and child elements in order).
 * It remembers which parts the mapping has used, so that whatever is left can be kept verbatim in
 * the citation's extras: {@link #text()} uses the element with everything in it, {@link #use()} the
 * element alone (its children are used one by one), {@link #attr} one attribute.
 */
final class XmlElement {
  private static final String[] NO_ATTRIBUTES = new String[0];

  private final String name;
  private final String[] attributes;
  private final int line;
  private List<Object> content;
  private boolean used;
  private boolean textRead;
  private long usedAttributes;

  /**
   * @param attributes name/value pairs
   */
  XmlElement(String name, String[] attributes, int line) {
    this.name = name;
    this.attributes = attributes.length == 0 ? NO_ATTRIBUTES : attributes;
    this.line = line;
  }

  String name() {
    return name;
  }

  int line() {
    return line;
  }

  void add(Object textOrElement) {
    if (content == null) {
      content = new ArrayList<>(4);
    }
    content.add(textOrElement);
  }

  /** Text and child elements in document order. */
  List<Object> content() {
    return content == null ? Collections.emptyList() : content;
  }

  // ---------------------------------------------------------------- navigation

  /** The first child element named {@code childName}, or null. */
  XmlElement child(String childName) {
    if (content != null) {
      for (Object item : content) {
        if (item instanceof XmlElement && ((XmlElement) item).name.equals(childName)) {
          return (XmlElement) item;
        }
      }
    }
    return null;
  }

  /** The child elements named {@code childName}, in order. */
  List<XmlElement> children(String childName) {
    List<XmlElement> found = null;
    if (content != null) {
      for (Object item : content) {
        if (item instanceof XmlElement && ((XmlElement) item).name.equals(childName)) {
          if (found == null) {
            found = new ArrayList<>();
          }
          found.add((XmlElement) item);
        }
      }
    }
    return found == null ? Collections.emptyList() : found;
  }

  /**
   * The {@code itemName} children of the child list {@code listName} (such as {@code
   * ChemicalList/Chemical}), marking the list used, with its {@code CompleteYN} when it is the
   * default Y; empty when there is no such list.
   */
  List<XmlElement> listItems(String listName, String itemName) {
    XmlElement list = child(listName);
    if (list == null) {
      return Collections.emptyList();
    }
    list.use().useAttributeIf("CompleteYN", "Y");
    return list.children(itemName);
  }

  /** The text of the first child named {@code childName} (see {@link #text()}), or null. */
  String childText(String childName) {
    XmlElement child = child(childName);
    return child == null ? null : child.text();
  }

  // ---------------------------------------------------------------- use

  /** Marks this element as used (not its content) and returns it. */
  XmlElement use() {
    used = true;
    return this;
  }

  boolean isUsed() {
    return used;
  }

  /** The value of attribute {@code attributeName}, marking it used, or null when absent. */
  String attr(String attributeName) {
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i].equals(attributeName)) {
        if (i / 2 < Long.SIZE) {
          usedAttributes |= 1L << (i / 2);
        }
        return attributes[i + 1];
      }
    }
    return null;
  }

  /**
   * Marks attribute {@code attributeName} used when its value is {@code expected}: a value the
   * model need not keep. Any other value stays for the extras.
   */
  XmlElement useAttributeIf(String attributeName, String expected) {
    for (int i = 0; i < attributes.length && i / 2 < Long.SIZE; i += 2) {
      if (attributes[i].equals(attributeName) && attributes[i + 1].equals(expected)) {
        usedAttributes |= 1L << (i / 2);
      }
    }
    return this;
  }

  /** Attribute names and values in order: name at even, value at odd indexes. */
  String[] attributes() {
    return attributes;
  }

  boolean isAttributeUsed(int index) {
    return index < Long.SIZE && (usedAttributes & (1L << index)) != 0;
  }

  /**
   * The element's text with all markup removed (inline {@code <i>}, {@code <sup>}, MathML ...),
   * white space collapsed to single spaces and trimmed; null when empty. Marks the element and
   * everything in it used (the markup's attributes too; the element's own are used one by one).
   */
  String text() {
    used = true;
    textRead = true;
    if (content != null) {
      for (Object item : content) {
        if (item instanceof XmlElement) {
          ((XmlElement) item).useEntirely();
        }
      }
    }
    return textContent();
  }

  /** Like {@link #text()}, without marking anything used. */
  String textContent() {
    if (content == null) {
      return null;
    }
    if (content.size() == 1 && content.get(0) instanceof String) {
      return XmlText.normalize((String) content.get(0));
    }
    StringBuilder text = new StringBuilder();
    appendText(text, false);
    return XmlText.normalize(text.toString());
  }

  /** Whether {@link #text()} read this element's text. */
  boolean isTextRead() {
    return textRead;
  }

  private void appendText(StringBuilder text, boolean inMath) {
    boolean math = inMath || XmlText.isMathMl(name);
    for (Object item : content()) {
      if (item instanceof XmlElement) {
        ((XmlElement) item).appendText(text, math);
      } else if (math) {
        text.append(((String) item).strip());
      } else {
        text.append((String) item);
      }
    }
  }

  /** Marks the element, its attributes and all its content used. */
  void useEntirely() {
    used = true;
    textRead = true;
    usedAttributes = -1L;
    if (content != null) {
      for (Object item : content) {
        if (item instanceof XmlElement) {
          ((XmlElement) item).useEntirely();
        }
      }
    }
  }

  /** Marks the element unused again: it is kept whole in the extras (say, a date that is wrong). */
  void release() {
    used = false;
  }
}
