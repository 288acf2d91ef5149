package org.medlinestream.enrich.parse;

import java.util.List;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.OtherAbstract;

/**
 * Other abstracts: OAB {@code Type: text}, as PubMed writes the XML's {@code OtherAbstract@Type}
 * before the text ({@code Publisher: Abstract available from the publisher.}), and OABL, the
 * language of the OAB before it, and OCI, its copyright. A text without a known type prefix has no
 * type.
 */
final class OtherAbstractGroup extends TagGroup<OtherAbstractGroup.Role> {
  enum Role {
    TEXT,
    LANGUAGE,
    COPYRIGHT
  }

  /** OtherAbstract@Type values of the PubMed DTD (required there: PubMed always writes one). */
  private static final List<String> TYPES =
      List.of("AAMC", "AIDS", "KIE", "NASA", "PIP", "Publisher", "plain-language-summary");

  @Override
  void read(CitationDraft draft, Role role, MedlineTag tag, String value) {
    List<OtherAbstract> abstracts = draft.citation().getOtherAbstracts();
    OtherAbstract last = abstracts.isEmpty() ? null : abstracts.get(abstracts.size() - 1);
    if (role == Role.TEXT) {
      String type = typeOf(value);
      String text = type == null ? value : value.substring(type.length() + 1).trim();
      abstracts.add(new OtherAbstract(type, null, text, null));
    } else if (role == Role.LANGUAGE && last != null && last.getLanguage() == null) {
      last.setLanguage(value);
    } else if (role == Role.COPYRIGHT && last != null && last.getCopyright() == null) {
      last.setCopyright(value);
    } else {
      draft.extra(tag.code(), value);
    }
  }

  private static String typeOf(String value) {
    for (String type : TYPES) {
      if (value.startsWith(type) && value.startsWith(":", type.length())) {
        return type;
      }
    }
    return null;
  }

  @Override
  void write(Citation citation, MedlineLines out) {
    for (OtherAbstract other : citation.getOtherAbstracts()) {
      out.field(
          tag(Role.TEXT),
          other.getType() == null ? other.getText() : other.getType() + ": " + other.getText());
      out.field(tag(Role.LANGUAGE), other.getLanguage());
      out.field(tag(Role.COPYRIGHT), other.getCopyright());
    }
  }
}
