package org.medlinestream.enrich.stream;

import org.medlinestream.avro.Citation;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.enrich.enrichment.Enricher;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.parse.MedlineTextParser;
import org.medlinestream.enrich.parse.PubmedXmlParser;

/** What the parsers and the enricher make of a raw record outside Kafka: what {@code parse} prints. */
final class Expected {
  private final MedlineTextParser text = new MedlineTextParser();
  private final PubmedXmlParser xml = new PubmedXmlParser();
  private final Enricher enricher = new Enricher();

  /** The enriched citation of {@code raw}, without provenance. */
  Citation citation(byte[] raw, RecordFormat format) throws MalformedRecordException {
    return enricher.enrich(format == RecordFormat.PUBMED_XML ? xml.parse(raw) : text.parse(raw));
  }

  /** A copy of {@code citation} without its provenance (which says where and when it was read). */
  static Citation withoutProvenance(Citation citation) {
    return Citation.newBuilder(citation).setProvenance(null).build();
  }
}
