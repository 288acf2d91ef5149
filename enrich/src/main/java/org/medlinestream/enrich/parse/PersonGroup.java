package org.medlinestream.enrich.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Identifier;

/**
 * People in order: authors (FAU, AU, AUID, AD, CN), investigators (FIR, IR, IRAD) or editors (FED,
 * ED). A full name starts a person; the short name after it gives the initials; identifiers and
 * affiliations belong to the person before them. A short name with no full name before it is a
 * person of its own ({@code Last INITIALS}); a collective name is a person with only that name.
 * Affiliations before the first person are the first person's (older records put AD first). A name
 * suffix ends both names, as PubMed writes it: {@code Hellinger, Frank R Jr} and {@code
 * Hellinger FR Jr} (NLM writes suffixes as {@code Jr}, {@code Sr} or ordinals such as {@code 3rd}).
 */
final class PersonGroup extends TagGroup<PersonGroup.Role> {
  enum Role {
    FULL_NAME,
    SHORT_NAME,
    IDENTIFIER,
    AFFILIATION,
    COLLECTIVE_NAME
  }

  private static final Set<String> ORDINAL_ENDINGS = Set.of("st", "nd", "rd", "th");

  private final Function<Citation, List<Author>> people;

  PersonGroup(Function<Citation, List<Author>> people) {
    this.people = people;
  }

  /** Where a draft stands in this group. */
  private static final class Cursor implements CitationDraft.Finishing {
    Author current;
    boolean awaitingShortName;
    final List<String> earlyAffiliations = new ArrayList<>(1);
    MedlineTag affiliationTag;

    @Override
    public void finish(CitationDraft draft) {
      for (String affiliation : earlyAffiliations) {
        draft.extra(affiliationTag.code(), affiliation);
      }
    }
  }

  @Override
  void read(CitationDraft draft, Role role, MedlineTag tag, String value) {
    Cursor cursor = draft.state(this, Cursor::new);
    switch (role) {
      case FULL_NAME -> {
        Author person = NewRecords.author();
        int comma = value.indexOf(',');
        if (comma < 0) {
          person.setLastName(value);
        } else {
          person.setLastName(ItemSyntax.nullIfEmpty(value.substring(0, comma)));
          String fore = value.substring(comma + 1).trim();
          person.setSuffix(suffixOf(fore));
          person.setForeName(ItemSyntax.nullIfEmpty(withoutSuffix(fore, person.getSuffix())));
        }
        add(draft, cursor, person, true);
      }
      case SHORT_NAME -> {
        Author current = cursor.current;
        if (cursor.awaitingShortName && current.getLastName() != null) {
          String name = withoutSuffix(value, current.getSuffix());
          current.setInitials(initials(name, current.getLastName()));
          cursor.awaitingShortName = false;
        } else {
          Author person = NewRecords.author();
          int space = value.lastIndexOf(' ');
          String suffix = space < 0 ? null : suffixOf(value);
          String name = withoutSuffix(value, suffix);
          space = name.lastIndexOf(' ');
          person.setLastName(space < 0 ? name : name.substring(0, space));
          person.setInitials(space < 0 ? null : name.substring(space + 1));
          person.setSuffix(suffix);
          add(draft, cursor, person, false);
        }
      }
      case IDENTIFIER -> {
        Identifier identifier = ItemSyntax.identifier(value);
        if (identifier == null || cursor.current == null) {
          draft.extra(tag.code(), value);
        } else {
          cursor.current.getIdentifiers().add(identifier);
        }
      }
      case AFFILIATION -> {
        if (cursor.current == null) {
          cursor.affiliationTag = tag;
          cursor.earlyAffiliations.add(value);
        } else {
          cursor.current.getAffiliations().add(value);
        }
      }
      case COLLECTIVE_NAME -> {
        Author group = NewRecords.author();
        group.setCollectiveName(value);
        add(draft, cursor, group, false);
      }
    }
  }

  private void add(CitationDraft draft, Cursor cursor, Author person, boolean awaitingShortName) {
    if (cursor.current == null) {
      person.getAffiliations().addAll(cursor.earlyAffiliations);
      cursor.earlyAffiliations.clear();
    }
    people.apply(draft.citation()).add(person);
    cursor.current = person;
    cursor.awaitingShortName = awaitingShortName;
  }

  /** The last word of {@code name} if it is a suffix (Jr, Sr, 3rd); else null. */
  static String suffixOf(String name) {
    String last = name.substring(name.lastIndexOf(' ') + 1);
    boolean ordinal =
        last.length() >= 3
            && Character.isDigit(last.charAt(0))
            && ORDINAL_ENDINGS.contains(last.substring(last.length() - 2))
            && last.chars().limit(last.length() - 2).allMatch(Character::isDigit);
    return ordinal || last.equals("Jr") || last.equals("Sr") ? last : null;
  }

  /** {@code name} without its trailing {@code suffix} (null: none). */
  static String withoutSuffix(String name, String suffix) {
    if (suffix == null || !(name.equals(suffix) || name.endsWith(" " + suffix))) {
      return name;
    }
    return name.substring(0, name.length() - suffix.length()).trim();
  }

  /** Name followed by its suffix, if any. */
  private static String withSuffix(String name, String suffix) {
    return suffix == null ? name : name.isEmpty() ? suffix : name + " " + suffix;
  }

  /**
   * AU {@code Chen Y} after FAU {@code Chen, Yuxue}: the initials are what follows the last name.
   * An AU that does not start with the last name gives its last word (FAU is the authority).
   */
  private static String initials(String shortName, String lastName) {
    if (shortName.equals(lastName)) {
      return null;
    }
    if (shortName.startsWith(lastName) && shortName.charAt(lastName.length()) == ' ') {
      return ItemSyntax.nullIfEmpty(shortName.substring(lastName.length() + 1));
    }
    return shortName.substring(shortName.lastIndexOf(' ') + 1);
  }

  @Override
  void write(Citation citation, MedlineLines out) {
    for (Author person : people.apply(citation)) {
      if (person.getCollectiveName() != null) {
        out.field(tag(Role.COLLECTIVE_NAME), person.getCollectiveName());
      } else if (person.getLastName() != null || person.getForeName() != null) {
        String last = person.getLastName() == null ? "" : person.getLastName();
        String suffix = person.getSuffix();
        out.field(
            tag(Role.FULL_NAME),
            person.getForeName() == null && suffix == null
                ? last
                : last + ", " + withSuffix(Objects.toString(person.getForeName(), ""), suffix));
        if (person.getLastName() != null) {
          out.field(
              tag(Role.SHORT_NAME),
              withSuffix(
                  person.getInitials() == null ? last : last + " " + person.getInitials(), suffix));
        }
      }
      for (Identifier identifier : person.getIdentifiers()) {
        out.field(tag(Role.IDENTIFIER), ItemSyntax.identifier(identifier));
      }
      for (String affiliation : person.getAffiliations()) {
        out.field(tag(Role.AFFILIATION), affiliation);
      }
    }
  }
}
