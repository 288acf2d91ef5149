package org.medlinestream.enrich.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.medlinestream.avro.AffiliationIdentifier;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Identifier;

/** Authors, investigators, editors and personal-name subjects of PubMed XML. */
final class PersonMapper {
  private PersonMapper() {}

  /**
   * Adds the persons of an {@code AuthorList} to {@code editors} when its {@code Type} is {@code
   * editors}, else to {@code authors}.
   */
  static void authorList(XmlElement list, List<Author> authors, List<Author> editors) {
    list.use().useAttributeIf("CompleteYN", "Y");
    List<Author> target = "editors".equals(list.attr("Type")) ? editors : authors;
    for (XmlElement author : list.children("Author")) {
      target.add(person(author));
    }
  }

  /** Adds the persons of an {@code InvestigatorList} to {@code investigators}. */
  static void investigatorList(XmlElement list, List<Author> investigators) {
    list.use();
    for (XmlElement investigator : list.children("Investigator")) {
      investigators.add(person(investigator));
    }
  }

  /**
   * An {@code Author} or {@code Investigator}: name parts, {@code CollectiveName}, {@code
   * Identifier}s, affiliations ({@code AffiliationInfo/Affiliation}, or the older direct {@code
   * Affiliation}) with their identifiers ({@code AffiliationInfo/Identifier}), {@code @ValidYN} and
   * {@code @EqualContrib}.
   */
  static Author person(XmlElement person) {
    person.use();
    List<Identifier> identifiers = identifiers(person, Identifier::new);
    List<String> affiliations = new ArrayList<>(1);
    List<AffiliationIdentifier> affiliationIdentifiers = new ArrayList<>(0);
    for (XmlElement info : person.children("AffiliationInfo")) {
      info.use();
      int index = affiliations.size();
      addText(info.child("Affiliation"), affiliations);
      if (affiliations.size() > index) {
        affiliationIdentifiers.addAll(
            identifiers(info, (source, value) -> new AffiliationIdentifier(index, source, value)));
      }
    }
    for (XmlElement affiliation : person.children("Affiliation")) {
      addText(affiliation, affiliations);
    }
    return new Author(
        person.childText("LastName"),
        person.childText("ForeName"),
        person.childText("Initials"),
        person.childText("Suffix"),
        person.childText("CollectiveName"),
        identifiers,
        affiliations,
        null,
        "Y".equals(person.attr("EqualContrib")),
        !"N".equals(person.attr("ValidYN")),
        affiliationIdentifiers);
  }

  /**
   * The {@code Identifier} children of {@code parent} that have a source and a value, made by
   * {@code make(source, value)}; the others are released (kept in the extras).
   */
  private static <T> List<T> identifiers(
      XmlElement parent, BiFunction<String, String, T> make) {
    List<T> found = new ArrayList<>(1);
    for (XmlElement identifier : parent.children("Identifier")) {
      String value = identifier.text();
      String source = identifier.attr("Source");
      if (value == null || source == null) {
        identifier.release();
      } else {
        found.add(make.apply(source, value));
      }
    }
    return found;
  }

  /**
   * A {@code PersonalNameSubject} as MEDLINE's FPS writes it, {@code Last, Fore}, else as PS writes
   * it, {@code Last Initials}; a suffix follows.
   */
  static String personalName(XmlElement subject) {
    subject.use();
    String last = subject.childText("LastName");
    String fore = subject.childText("ForeName");
    String initials = subject.childText("Initials");
    String suffix = subject.childText("Suffix");
    StringBuilder name = new StringBuilder(last == null ? "" : last);
    if (fore != null) {
      name.append(", ").append(fore);
    } else if (initials != null) {
      name.append(' ').append(initials);
    }
    if (suffix != null) {
      name.append(' ').append(suffix);
    }
    return XmlText.normalize(name.toString());
  }

  private static void addText(XmlElement element, List<String> texts) {
    if (element != null) {
      String text = element.text();
      if (text != null) {
        texts.add(text);
      }
    }
  }
}
