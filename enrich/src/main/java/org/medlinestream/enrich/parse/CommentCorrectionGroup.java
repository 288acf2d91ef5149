package org.medlinestream.enrich.parse;

import org.medlinestream.avro.Citation;
import org.medlinestream.avro.CommentCorrection;

/**
 * Comments and corrections (CIN, CON, EIN, RIN, ...): {@code Source. PMID: 123}, each tag one XML
 * RefType. Written in list order, each under its type's tag; types with no tag (Cites) are not
 * shown in MEDLINE text.
 */
final class CommentCorrectionGroup extends TagGroup<String> {
  private static final String PMID_LABEL = "PMID:";

  @Override
  void read(CitationDraft draft, String refType, MedlineTag tag, String value) {
    int label = value.lastIndexOf(PMID_LABEL);
    String source = label < 0 ? value : ItemSyntax.nullIfEmpty(value.substring(0, label));
    String pmid =
        label < 0 ? null : ItemSyntax.nullIfEmpty(value.substring(label + PMID_LABEL.length()));
    draft
        .citation()
        .getCommentsCorrections()
        .add(new CommentCorrection(refType, source, pmid, null));
  }

  @Override
  void write(Citation citation, MedlineLines out) {
    for (CommentCorrection link : citation.getCommentsCorrections()) {
      String source = link.getRefSource();
      String pmid = link.getPmid() == null ? null : PMID_LABEL + " " + link.getPmid();
      out.field(
          tag(link.getRefType()),
          source == null ? pmid : pmid == null ? source : source + " " + pmid);
    }
  }
}
