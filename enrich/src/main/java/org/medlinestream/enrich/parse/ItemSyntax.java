package org.medlinestream.enrich.parse;

import java.util.ArrayList;
import java.util.List;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Chemical;
import org.medlinestream.avro.Grant;
import org.medlinestream.avro.HistoryDate;
import org.medlinestream.avro.Identifier;
import org.medlinestream.avro.Issn;
import org.medlinestream.avro.MeshHeading;
import org.medlinestream.avro.MeshQualifier;

/**
 * The text syntax of the model's list items, read and written side by side. A reader returns null
 * for a value it cannot read (the caller keeps it in extras).
 */
final class ItemSyntax {
  /** The type of a LID/AID without {@code [type]}. */
  static final String UNKNOWN_ID_TYPE = "unknown";

  private ItemSyntax() {}

  /** IS {@code 1664-3224 (Electronic)}. */
  static Issn issn(String value) {
    int open = suffixStart(value, '(', ')');
    return open < 0
        ? new Issn(value, null)
        : new Issn(value.substring(0, open).trim(), inner(value, open));
  }

  static String issn(Issn issn) {
    return issn.getType() == null ? issn.getValue() : issn.getValue() + " (" + issn.getType() + ")";
  }

  /** LID/AID {@code 10.3389/fimmu.2022.978429 [doi]}; no {@code [type]}: type unknown. */
  static ArticleId articleId(String value) {
    int open = suffixStart(value, '[', ']');
    return open < 0
        ? new ArticleId(UNKNOWN_ID_TYPE, value, true)
        : new ArticleId(inner(value, open), value.substring(0, open).trim(), true);
  }

  static String articleId(ArticleId id) {
    return UNKNOWN_ID_TYPE.equals(id.getType())
        ? id.getValue()
        : id.getValue() + " [" + id.getType() + "]";
  }

  /** PHST {@code 2022/06/26 00:00 [received]}; without a status, null. */
  static HistoryDate historyDate(String value) {
    int open = suffixStart(value, '[', ']');
    return open < 0 ? null : new HistoryDate(inner(value, open), value.substring(0, open).trim());
  }

  static String historyDate(HistoryDate date) {
    return date.getDate() + " [" + date.getStatus() + "]";
  }

  /**
   * RN {@code WM0HAQ4WNM (Tacrolimus)}, {@code EC 2.7.1.2 (Glucokinase)}; a bare number has an
   * empty name.
   */
  static Chemical chemical(String value) {
    int open = value.indexOf(" (");
    return open < 0 || value.charAt(value.length() - 1) != ')'
        ? new Chemical(value, "", null)
        : new Chemical(
            value.substring(0, open), value.substring(open + 2, value.length() - 1), null);
  }

  static String chemical(Chemical chemical) {
    return chemical.getName().isEmpty()
        ? chemical.getRegistryNumber()
        : chemical.getRegistryNumber() + " (" + chemical.getName() + ")";
  }

  /** MH {@code *Descriptor/qualifier/*qualifier}: {@code *} marks a major topic. */
  static MeshHeading meshHeading(String value) {
    int slash = value.indexOf('/');
    String descriptor = slash < 0 ? value : value.substring(0, slash);
    boolean major = descriptor.startsWith("*");
    List<MeshQualifier> qualifiers = new ArrayList<>(2);
    while (slash >= 0) {
      int next = value.indexOf('/', slash + 1);
      String qualifier = value.substring(slash + 1, next < 0 ? value.length() : next);
      boolean majorQualifier = qualifier.startsWith("*");
      qualifiers.add(
          new MeshQualifier(
              majorQualifier ? qualifier.substring(1) : qualifier, null, majorQualifier));
      slash = next;
    }
    return new MeshHeading(
        major ? descriptor.substring(1) : descriptor, null, major, null, qualifiers);
  }

  static String meshHeading(MeshHeading heading) {
    StringBuilder text = new StringBuilder();
    text.append(heading.getMajorTopic() ? "*" : "").append(heading.getDescriptor());
    for (MeshQualifier qualifier : heading.getQualifiers()) {
      text.append('/').append(qualifier.getMajorTopic() ? "*" : "").append(qualifier.getName());
    }
    return text.toString();
  }

  /**
   * GR {@code id/acronym/agency/country}, parts left out where missing: the last two parts are
   * agency and country; before them an acronym (letters only: {@code CA}, {@code ImNIH}, {@code
   * WT_}), or an empty part where the writer had to mark a missing one; what is left is the grant
   * id, which may itself contain {@code /}.
   */
  static Grant grant(String value) {
    int countrySlash = value.lastIndexOf('/');
    if (countrySlash < 0) {
      return new Grant(value, null, null, null);
    }
    String country = nullIfEmpty(value.substring(countrySlash + 1));
    int agencySlash = value.lastIndexOf('/', countrySlash - 1);
    String agency = nullIfEmpty(value.substring(agencySlash + 1, countrySlash));
    if (agencySlash < 0) {
      return new Grant(null, null, agency, country);
    }
    int acronymSlash = value.lastIndexOf('/', agencySlash - 1);
    String acronym = value.substring(acronymSlash + 1, agencySlash);
    if (!acronym.isBlank() && !isAcronym(acronym)) {
      return new Grant(nullIfEmpty(value.substring(0, agencySlash)), null, agency, country);
    }
    String id = acronymSlash < 0 ? null : nullIfEmpty(value.substring(0, acronymSlash));
    return new Grant(id, nullIfEmpty(acronym), agency, country);
  }

  /**
   * A grant as PubMed writes it, missing parts left out ({@code CIHR/Canada}); where that would
   * read back as another grant (no country: {@code RR00052/RR/NCRR} reads as agency RR, country
   * NCRR), every part is written in its place, a missing one empty ({@code RR00052/RR/NCRR/}).
   */
  static String grant(Grant grant) {
    String[] parts = {
      grant.getGrantId(), grant.getAcronym(), grant.getAgency(), grant.getCountry()
    };
    StringBuilder compact = new StringBuilder();
    for (String part : parts) {
      if (part != null) {
        compact.append(compact.length() == 0 ? "" : "/").append(part);
      }
    }
    if (grant(compact.toString()).equals(grant)) {
      return compact.toString();
    }
    StringBuilder positional = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      positional.append(i == 0 ? "" : "/").append(parts[i] == null ? "" : parts[i]);
    }
    return positional.toString();
  }

  /** AUID {@code ORCID: 0000-0002-2815-7558}; without a source, null. */
  static Identifier identifier(String value) {
    int colon = value.indexOf(':');
    return colon <= 0
        ? null
        : new Identifier(value.substring(0, colon).trim(), value.substring(colon + 1).trim());
  }

  static String identifier(Identifier identifier) {
    return identifier.getSource() + ": " + identifier.getValue();
  }

  /** Start of a trailing {@code " (inner)"} or {@code " [inner]"}, or -1. */
  private static int suffixStart(String value, char open, char close) {
    if (value.isEmpty() || value.charAt(value.length() - 1) != close) {
      return -1;
    }
    int at = value.lastIndexOf(open);
    return at > 0 && value.charAt(at - 1) == ' ' ? at : -1;
  }

  private static String inner(String value, int open) {
    return value.substring(open + 1, value.length() - 1).trim();
  }

  private static boolean isAcronym(String part) {
    int length = part.length();
    if (length < 2 || length > 8) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = part.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' && i == length - 1)) {
        return false;
      }
    }
    return true;
  }

  static String nullIfEmpty(String value) {
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
