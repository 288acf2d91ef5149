package org.medlinestream.enrich.parse;

import java.util.List;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.OtherAbstract;

/**
 * Other abstracts: OAB {@code Type: text}, as PubMed writes the XML's {@code OtherAbstract@Type}
 * before the text ({@code Publisher: Abstract available from the publisher.}), and OABL, the
 * language of the OAB before it. A text without a known type prefix has no type.
 */
final class OtherAbstractGroup extends TagGroup<OtherAbstractGroup.Role> {
  enum Role {
    TEXT,
    LANGUAGE
  }

  /** OtherAbstract@Type values of the PubMed DTD (a required attribute: PubMed always writes it). */
  private static final List<String> TYPES =
      List.of("AAMC", "AIDS", "KIE", "NASA", "PIP", "Publisher", "plain-language-summary");

  @Override
  void read(CitationDraft draft, Role role, MedlineTag tag, String value) {
    List<OtherAbstract> abstracts = draft.citation().getOtherAbstracts();
    if (role == Role.TEXT) {
      String type = typeOf(value);
      String text = type == null ? value : value.substring(type.length() + 1).trim();
      abstracts.add(new OtherAbstract(type, null, text));
    } else if (abstracts.isEmpty() || abstracts.get(abstracts.size() - 1).getLanguage() != null) {
      draft.extra(tag.code(), value);
    } else {
      abstracts.get(abstracts.size() - 1).setLanguage(value);
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
    }
  }
}
