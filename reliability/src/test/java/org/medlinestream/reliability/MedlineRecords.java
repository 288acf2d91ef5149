package org.medlinestream.reliability;

/** Small valid records in both formats, for the generated corpora. */
final class MedlineRecords {
  private MedlineRecords() {}

  /** A MEDLINE text record (ending with its blank line) with {@code extraLines} before TI. */
  static String text(String pmid, String revised, String title, String extraLines) {
    return "PMID- " + pmid + "\n"
        + "OWN - NLM\n"
        + "STAT- MEDLINE\n"
        + "DCOM- 20210104\n"
        + "LR  - " + revised + "\n"
        + extraLines
        + "TI  - " + title + "\n"
        + "AB  - A generated record of the reliability suite.\n"
        + "FAU - Tester, Ada\n"
        + "AU  - Tester A\n"
        + "LA  - eng\n"
        + "PT  - Journal Article\n"
        + "TA  - Reliab Test\n"
        + "JT  - Journal of reliability tests\n"
        + "SO  - Reliab Test. 2021;1:1.\n"
        + "\n";
  }

  static String text(String pmid, String title) {
    return text(pmid, "20210104", title, "");
  }

  /** A {@code PubmedArticle} whose title is {@code titleXml} as written (markup allowed). */
  static String xml(String pmidXml, String titleXml) {
    return "<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">"
        + "<PMID Version=\"1\">" + pmidXml + "</PMID>"
        + "<DateRevised><Year>2021</Year><Month>01</Month><Day>04</Day></DateRevised>"
        + "<Article PubModel=\"Print\"><Journal><Title>Journal of reliability tests</Title>"
        + "</Journal><ArticleTitle>" + titleXml + "</ArticleTitle>"
        + "<AuthorList><Author><LastName>Tester</LastName><ForeName>Ada</ForeName></Author>"
        + "</AuthorList><Language>eng</Language></Article></MedlineCitation></PubmedArticle>\n";
  }

  /** A {@code PubmedArticleSet} document of these articles, after {@code prolog}. */
  static String xmlSet(String prolog, String articles) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog
        + "<PubmedArticleSet>\n" + articles + "</PubmedArticleSet>\n";
  }

  /** Escapes text for XML character data. */
  static String escapeXml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
