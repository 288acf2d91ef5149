package org.medlinestream.enrich.parse;

import java.util.ArrayList;
import java.util.List;
import org.medlinestream.avro.Citation;

/**
 * Personal names as subject, each subject in one form: its full name (FPS {@code Cushing, Harvey})
 * where the record has one, else its short name (PS {@code Cushing H}), in the order read. A short
 * name with the last name of a full name is that subject's short form and is kept in extras.
 * PubMed XML gives the same forms (see {@code PersonMapper.personalName}).
 */
final class PersonalNameSubjectGroup extends TagGroup<PersonalNameSubjectGroup.Role> {
  enum Role {
    FULL,
    SHORT
  }

  private record Name(Role role, MedlineTag tag, String value) {}

  private static final class Names implements CitationDraft.Finishing {
    final List<Name> read = new ArrayList<>(2);

    @Override
    public void finish(CitationDraft draft) {
      List<String> fullLastNames = new ArrayList<>(1);
      for (Name name : read) {
        if (name.role() == Role.FULL) {
          fullLastNames.add(lastNameOfFull(name.value()));
        }
      }
      for (Name name : read) {
        if (name.role() == Role.SHORT && fullLastNames.contains(lastNameOfShort(name.value()))) {
          draft.extra(name.tag().code(), name.value());
        } else {
          draft.citation().getPersonalNameSubjects().add(name.value());
        }
      }
    }
  }

  @Override
  void read(CitationDraft draft, Role role, MedlineTag tag, String value) {
    draft.state(this, Names::new).read.add(new Name(role, tag, value));
  }

  /** A full name ({@code Cushing, Harvey}) as FPS, a short one ({@code Cushing H}) as PS. */
  @Override
  void write(Citation citation, MedlineLines out) {
    for (String name : citation.getPersonalNameSubjects()) {
      out.field(tag(isFull(name) ? Role.FULL : Role.SHORT), name);
    }
  }

  private static boolean isFull(String name) {
    return name.contains(", ");
  }

  private static String lastNameOfFull(String name) {
    int comma = name.indexOf(',');
    return comma < 0 ? name : name.substring(0, comma).trim();
  }

  /** {@code Cushing H} and {@code King ML Jr}: what comes before the initials (and suffix). */
  private static String lastNameOfShort(String name) {
    String withoutSuffix = PersonGroup.withoutSuffix(name, PersonGroup.suffixOf(name));
    int space = withoutSuffix.lastIndexOf(' ');
    return space < 0 ? withoutSuffix : withoutSuffix.substring(0, space);
  }
}
