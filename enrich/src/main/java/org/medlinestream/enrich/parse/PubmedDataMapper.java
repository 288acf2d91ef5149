package org.medlinestream.enrich.parse;

import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.HistoryDate;

/**
 * {@code PubmedData} (or a book's {@code PubmedBookData}): history dates, publication status and
 * article ids. The reference list has no field of its own and stays in the extras.
 */
final class PubmedDataMapper {
  private PubmedDataMapper() {}

  static void map(XmlElement data, Citation.Builder citation) {
    data.use();
    for (XmlElement date : data.listItems("History", "PubMedPubDate")) {
      historyDate(date, citation);
    }
    citation.setPublicationStatus(data.childText("PublicationStatus"));
    articleIds(data, citation);
  }

  /**
   * A {@code PubMedPubDate}; its {@code pubmed}, {@code medline}, {@code entrez} and {@code
   * pmc-release} dates are also MEDLINE's EDAT, MHDA, CRDT and PMCR.
   */
  private static void historyDate(XmlElement date, Citation.Builder citation) {
    String status = date.attr("PubStatus");
    String written = XmlDates.historyDate(date);
    if (status == null || written == null) {
      date.release();
      return;
    }
    citation.getHistory().add(new HistoryDate(status, written));
    switch (status) {
      case "pubmed":
        citation.setEntrezDate(first(citation.getEntrezDate(), written));
        break;
      case "medline":
        citation.setMeshDate(first(citation.getMeshDate(), written));
        break;
      case "entrez":
        citation.setCreateDate(first(citation.getCreateDate(), written));
        break;
      case "pmc-release":
        citation.setPmcReleaseDate(
            first(citation.getPmcReleaseDate(), written.substring(0, "YYYY/MM/DD".length())));
        break;
      default:
        break;
    }
  }

  /** The date already set, else {@code candidate}: the first date of a status wins. */
  private static String first(String current, String candidate) {
    return current != null ? current : candidate;
  }

  /**
   * {@code ArticleIdList}: {@code pmc} goes to the PMC id, {@code mid} to the manuscript ids, the
   * record's own {@code pubmed} id is dropped (it is the PMID), the others are article ids.
   */
  static void articleIds(XmlElement parent, Citation.Builder citation) {
    for (XmlElement id : parent.listItems("ArticleIdList", "ArticleId")) {
      String value = id.text();
      String type = id.attr("IdType");
      if (type == null) {
        type = "pubmed";
      }
      if (value == null) {
        continue;
      }
      switch (type) {
        case "pubmed":
          if (!value.equals(citation.getPmid())) {
            id.release();
          }
          break;
        case "pmc":
          if (citation.getPmc() == null) {
            citation.setPmc(value);
          } else {
            id.release();
          }
          break;
        case "mid":
          citation.getManuscriptIds().add(value);
          break;
        default:
          citation.getArticleIds().add(new ArticleId(type, value, true));
          break;
      }
    }
  }
}
