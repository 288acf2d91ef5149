package org.medlinestream.enrich.parse;

import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Keyword;

/**
 * Keywords: OTO sets the owner of the OT lines after it; {@code *} before a keyword marks a major
 * topic, as in MH ({@code OT  - *animals}; XML {@code Keyword@MajorTopicYN="Y"}).
 */
final class KeywordGroup extends TagGroup<KeywordGroup.Role> {
  private static final char MAJOR_TOPIC = '*';

  enum Role {
    OWNER,
    KEYWORD
  }

  private static final class Cursor implements CitationDraft.Finishing {
    String owner;
    MedlineTag ownerTag;
    boolean ownerUsed = true;

    @Override
    public void finish(CitationDraft draft) {
      if (!ownerUsed) {
        draft.extra(ownerTag.code(), owner); // an owner with no keyword after it
      }
    }
  }

  @Override
  void read(CitationDraft draft, Role role, MedlineTag tag, String value) {
    Cursor cursor = draft.state(this, Cursor::new);
    if (role == Role.OWNER) {
      if (!cursor.ownerUsed) {
        draft.extra(tag.code(), cursor.owner);
      }
      cursor.owner = value;
      cursor.ownerTag = tag;
      cursor.ownerUsed = false;
    } else {
      boolean major = value.length() > 1 && value.charAt(0) == MAJOR_TOPIC;
      draft
          .citation()
          .getKeywords()
          .add(new Keyword(cursor.owner, major ? value.substring(1).trim() : value, major));
      cursor.ownerUsed = true;
    }
  }

  @Override
  void write(Citation citation, MedlineLines out) {
    String owner = null;
    for (Keyword keyword : citation.getKeywords()) {
      if (keyword.getOwner() != null && !keyword.getOwner().equals(owner)) {
        owner = keyword.getOwner();
        out.field(tag(Role.OWNER), owner);
      }
      out.field(
          tag(Role.KEYWORD),
          keyword.getMajorTopic() ? MAJOR_TOPIC + keyword.getKeyword() : keyword.getKeyword());
    }
  }
}
