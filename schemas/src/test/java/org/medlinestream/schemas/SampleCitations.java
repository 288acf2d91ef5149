package org.medlinestream.schemas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Enrichment;
import org.medlinestream.avro.ExtraField;
import org.medlinestream.avro.Flags;
import org.medlinestream.avro.HistoryDate;
import org.medlinestream.avro.Identifier;
import org.medlinestream.avro.Issn;
import org.medlinestream.avro.Journal;
import org.medlinestream.avro.MeshHeading;
import org.medlinestream.avro.MeshQualifier;
import org.medlinestream.avro.Provenance;
import org.medlinestream.avro.RecordFormat;

/** Citations with most kinds of fields filled (nested records, arrays, dates, timestamps, enums, unions). */
public final class SampleCitations {
  private SampleCitations() {}

  public static Citation citation(String pmid) {
    return Citation.newBuilder()
        .setPmid(pmid)
        .setPmidVersion(1)
        .setStatus("MEDLINE")
        .setOwner("NLM")
        .setDateCreated(LocalDate.of(2022, 6, 27))
        .setDateRevised(LocalDate.of(2024, 1, 9))
        .setPublicationDate("2022 Jun 26")
        .setTitle("Effect of a \"test\" intervention on naïve T cells: a randomized trial.")
        .setAbstractText("BACKGROUND: Something. RESULTS: Nothing (p < 0.05).")
        .setJournal(Journal.newBuilder().setTitle("Frontiers in immunology").setMedlineAbbreviation("Front Immunol")
            .setNlmUniqueId("101560960").setIssns(List.of(new Issn("1664-3224", "Electronic")))
            .setVolume("13").build())
        .setLocationIds(List.of(new ArticleId("doi", "10.3389/fimmu.2022.1", true)))
        .setAuthors(List.of(Author.newBuilder().setLastName("Smith").setForeName("Jane Q").setInitials("JQ")
            .setIdentifiers(List.of(new Identifier("ORCID", "0000-0002-1825-0097")))
            .setAffiliations(List.of("Dept of Things, Somewhere University, Oslo, Norway."))
            .setEqualContribution(false).setValid(true).build(),
            Author.newBuilder().setCollectiveName("The TEST Study Group").build()))
        .setLanguages(List.of("eng"))
        .setPublicationTypes(List.of("Journal Article", "Randomized Controlled Trial"))
        .setMeshHeadings(List.of(MeshHeading.newBuilder().setDescriptor("T-Lymphocytes").setMajorTopic(true)
            .setQualifiers(List.of(new MeshQualifier("immunology", null, false))).build()))
        .setHistory(List.of(new HistoryDate("received", "2022/03/01 00:00")))
        .setExtras(List.of(new ExtraField("SB", "IM")))
        .setEnrichment(Enrichment.newBuilder().setPubmedUrl("https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/")
            .setFlags(Flags.newBuilder().setRetracted(false).setRetractionNotice(false).setHasErratum(true)
                .setErratumNotice(false).setExpressionOfConcern(false).setRepublished(false).setUpdated(false)
                .setPreprint(false).build())
            .build())
        .setProvenance(Provenance.newBuilder().setFormat(RecordFormat.MEDLINE_TEXT).setSourceFile("pubmed25n0001.txt")
            .setRecordPosition(17L).setIngestTime(Instant.ofEpochMilli(1_750_000_000_123L))
            .setPipelineVersion("0.1.0").build())
        .build();
  }
}
