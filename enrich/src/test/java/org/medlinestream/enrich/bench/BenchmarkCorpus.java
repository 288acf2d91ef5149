package org.medlinestream.enrich.bench;

import java.util.ArrayList;
import java.util.List;

import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.DataBank;
import org.medlinestream.enrich.enrichment.SeedCitation;
import org.medlinestream.enrich.enrichment.SharedDataProse;
import org.medlinestream.enrich.enrichment.TsvTable;

/**
 * Realistic citations for benchmarks until the parsers land: the seed record's fields (authors,
 * MeSH, keywords, SO, SI) with each real title/abstract of ../shared/data as the abstract, the
 * real DOIs of the DOI test table in LID/AID, and every fourth record carrying a trial databank.
 */
final class BenchmarkCorpus {

    private BenchmarkCorpus() {
    }

    static List<Citation> citations() {
        List<String> texts = SharedDataProse.texts(SharedDataProse.dataDir());
        List<String> dois = TsvTable.read("enrichment/dois.tsv").stream()
                .filter(row -> "LID".equals(row.get("field")) && row.get("display") != null)
                .map(row -> row.get("display")).toList();
        List<Citation> citations = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String doi = dois.get(i % dois.size());
            Citation citation = SeedCitation.build();
            citation.setPmid(String.valueOf(30_000_000 + i));
            citation.setAbstractText(texts.get(i));
            citation.setLocationIds(List.of(new ArticleId("doi", doi, true), new ArticleId("pii", "S" + i, true)));
            citation.setArticleIds(List.of(new ArticleId("doi", doi, true)));
            citation.setSource("Front Immunol. 2022 Sep 2;13:978429. doi: " + doi + ". eCollection 2022.");
            citation.setDataBanks(i % 4 == 0 ? citation.getDataBanks()
                    : List.of(new DataBank("GEO", List.of("GSE" + (60000 + i)))));
            citations.add(citation);
        }
        return citations;
    }
}
