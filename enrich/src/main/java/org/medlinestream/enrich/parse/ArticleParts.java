package org.medlinestream.enrich.parse;

import java.util.List;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Grant;
import org.medlinestream.avro.Keyword;

/**
 * The parts that a journal {@code Article} and a {@code BookDocument} share: titles, pagination,
 * location ids, abstract, languages, grants, keywords and publication types.
 */
final class ArticleParts {
  private ArticleParts() {}

  /**
   * {@code ArticleTitle} and {@code VernacularTitle}; the vernacular title stands in for an empty
   * or absent title.
   */
  static void titles(XmlElement parent, Citation.Builder citation) {
    XmlElement title = parent.child("ArticleTitle");
    XmlElement vernacular = parent.child("VernacularTitle");
    citation.setTitle(title == null ? null : title.text());
    citation.setVernacularTitle(vernacular == null ? null : vernacular.text());
    if (citation.getTitle() == null) {
      citation.setTitle(citation.getVernacularTitle());
    }
  }

  /** {@code Pagination/MedlinePgn}, else {@code StartPage-EndPage}. */
  static void pagination(XmlElement parent, Citation.Builder citation) {
    XmlElement pagination = parent.child("Pagination");
    if (pagination == null) {
      return;
    }
    pagination.use();
    String pages = pagination.childText("MedlinePgn");
    if (pages == null && pagination.child("StartPage") != null) {
      String start = pagination.childText("StartPage");
      String end = pagination.childText("EndPage");
      pages = end == null ? start : start + "-" + end;
    }
    citation.setPagination(pages);
  }

  /** Each {@code ELocationID} as an id with its {@code EIdType}, invalid when ValidYN is N. */
  static void locationIds(XmlElement parent, List<ArticleId> locationIds) {
    for (XmlElement location : parent.children("ELocationID")) {
      String value = location.text();
      String type = location.attr("EIdType");
      if (value == null) {
        location.release();
      } else {
        locationIds.add(
            new ArticleId(
                type == null ? "unknown" : type, value, !"N".equals(location.attr("ValidYN"))));
      }
    }
  }

  /** {@code Abstract}: its sections and {@code CopyrightInformation}. */
  static void abstractText(XmlElement parent, Citation.Builder citation) {
    XmlElement abstractElement = parent.child("Abstract");
    if (abstractElement != null) {
      abstractElement.use();
      citation.setAbstractText(sections(abstractElement));
      citation.setAbstractCopyright(abstractElement.childText("CopyrightInformation"));
    }
  }

  /**
   * The {@code AbstractText} sections of an abstract joined by one space, each labelled one as
   * {@code LABEL: text} (as PubMed writes AB); null when empty.
   */
  static String sections(XmlElement abstractElement) {
    StringBuilder joined = new StringBuilder();
    for (XmlElement section : abstractElement.children("AbstractText")) {
      String label = section.attr("Label");
      String text = section.text();
      if (label == null && text == null) {
        continue;
      }
      if (joined.length() > 0) {
        joined.append(' ');
      }
      if (label != null) {
        joined.append(label).append(':');
        if (text != null) {
          joined.append(' ');
        }
      }
      if (text != null) {
        joined.append(text);
      }
    }
    return joined.length() == 0 ? null : joined.toString();
  }

  /** The text of each element, added to {@code texts} unless empty. */
  static void texts(List<XmlElement> elements, List<String> texts) {
    for (XmlElement child : elements) {
      String text = child.text();
      if (text != null) {
        texts.add(text);
      }
    }
  }

  /** {@code GrantList/Grant}: GrantID, Acronym, Agency, Country. */
  static void grants(XmlElement parent, List<Grant> grants) {
    for (XmlElement grant : parent.listItems("GrantList", "Grant")) {
      grant.use();
      grants.add(
          new Grant(
              grant.childText("GrantID"),
              grant.childText("Acronym"),
              grant.childText("Agency"),
              grant.childText("Country")));
    }
  }

  /** Each {@code KeywordList}: its {@code Owner} and keywords with {@code MajorTopicYN}. */
  static void keywords(XmlElement parent, List<Keyword> keywords) {
    for (XmlElement list : parent.children("KeywordList")) {
      list.use();
      String owner = list.attr("Owner");
      for (XmlElement keyword : list.children("Keyword")) {
        String text = keyword.text();
        if (text != null) {
          keywords.add(new Keyword(owner, text, "Y".equals(keyword.attr("MajorTopicYN"))));
        }
      }
    }
  }
}
