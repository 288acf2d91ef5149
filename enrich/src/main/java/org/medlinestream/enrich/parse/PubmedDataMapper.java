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
    XmlElement history = data.child("History");
    if (history != null) {
      history.use();
      for (XmlElement date : history.children("PubMedPubDate")) {
        historyDate(date, citation);
      }
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
        if (citation.getEntrezDate() == null) {
          citation.setEntrezDate(written);
        }
        break;
      case "medline":
        if (citation.getMeshDate() == null) {
          citation.setMeshDate(written);
        }
        break;
      case "entrez":
        if (citation.getCreateDate() == null) {
          citation.setCreateDate(written);
        }
        break;
      case "pmc-release":
        if (citation.getPmcReleaseDate() == null) {
          citation.setPmcReleaseDate(written.substring(0, "YYYY/MM/DD".length()));
        }
        break;
      default:
        break;
    }
  }

  /**
   * {@code ArticleIdList}: {@code pmc} goes to the PMC id, {@code mid} to the manuscript ids, the
   * record's own {@code pubmed} id is dropped (it is the PMID), the others are article ids.
   */
  static void articleIds(XmlElement parent, Citation.Builder citation) {
    XmlElement list = parent.child("ArticleIdList");
    if (list == null) {
      return;
    }
    list.use();
    for (XmlElement id : list.children("ArticleId")) {
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
