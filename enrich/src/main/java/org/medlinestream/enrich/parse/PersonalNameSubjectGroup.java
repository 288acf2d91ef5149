package org.medlinestream.enrich.parse;

import java.util.ArrayList;
import java.util.List;
import org.medlinestream.avro.Citation;

/**
 * Personal names as subject: the full names (FPS) where the record has them, else the short ones
 * (PS); short names beside full ones are kept in extras.
 */
final class PersonalNameSubjectGroup extends TagGroup<PersonalNameSubjectGroup.Role> {
  enum Role {
    FULL,
    SHORT
  }

  private static final class Names implements CitationDraft.Finishing {
    final List<String> full = new ArrayList<>(1);
    final List<String> shortNames = new ArrayList<>(1);
    MedlineTag shortTag;

    @Override
    public void finish(CitationDraft draft) {
      List<String> subjects = draft.citation().getPersonalNameSubjects();
      if (full.isEmpty()) {
        subjects.addAll(shortNames);
      } else {
        subjects.addAll(full);
        for (String name : shortNames) {
          draft.extra(shortTag.code(), name);
        }
      }
    }
  }

  @Override
  void read(CitationDraft draft, Role role, MedlineTag tag, String value) {
    Names names = draft.state(this, Names::new);
    if (role == Role.FULL) {
      names.full.add(value);
    } else {
      names.shortTag = tag;
      names.shortNames.add(value);
    }
  }

  @Override
  void write(Citation citation, MedlineLines out) {
    for (String name : citation.getPersonalNameSubjects()) {
      out.field(tag(Role.FULL), name);
    }
  }
}
