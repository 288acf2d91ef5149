package org.medlinestream.enrich.enrichment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.medlinestream.avro.Author;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Enrichment;
import org.medlinestream.enrich.enrichment.doi.ArticleDoiResolver;
import org.medlinestream.enrich.enrichment.trial.TrialRegistrationFinder;

/**
 * Adds what the pipeline derives to a parsed citation: trial registrations, data links, the
 * normalised DOI (and DOI issues), the parsed publication date, PubMed and PMC URLs, MeSH major
 * topics, ISO 639-1 language codes, status flags, and each person's normalised ORCID iD.
 *
 * <p>A pure function: no I/O, no state, safe to share between threads. The result is a new
 * {@link Citation}; the input is not modified, and the result shares the input's unchanged
 * sub-records. Enriching an enriched citation gives the same enrichment again.
 */
public final class Enricher {

    private final TrialRegistrationFinder trials = new TrialRegistrationFinder();
    private final DataLinkFinder dataLinks = new DataLinkFinder();
    private final ArticleDoiResolver dois = new ArticleDoiResolver();

    /**
     * A copy of {@code citation} with {@code enrichment} set and {@code orcid} set on every author,
     * investigator and editor.
     *
     * @throws IllegalArgumentException where the citation has no PMID
     */
    public Citation enrich(Citation citation) {
        Objects.requireNonNull(citation, "citation");
        Citation enriched = shallowCopy(citation);
        enriched.setAuthors(withOrcids(citation.getAuthors()));
        enriched.setInvestigators(withOrcids(citation.getInvestigators()));
        enriched.setEditors(withOrcids(citation.getEditors()));
        enriched.setEnrichment(enrichment(citation));
        return enriched;
    }

    /** The enrichment of {@code citation} alone. */
    public Enrichment enrichment(Citation citation) {
        ArticleDoiResolver.Resolution doi = dois.resolve(citation);
        return Enrichment.newBuilder()
                .setDoi(doi.doi())
                .setDoiIssues(doi.issues())
                .setTrialRegistrations(trials.find(citation))
                .setDataLinks(dataLinks.find(citation))
                .setPublicationDate(PublicationDates.parse(citation.getPublicationDate()))
                .setPubmedUrl(PubMedLinks.pubmedUrl(citation.getPmid()))
                .setPmcUrl(PubMedLinks.pmcUrl(citation.getPmc()))
                .setMajorTopics(MajorTopics.of(citation.getMeshHeadings()))
                .setLanguageCodes(LanguageCodes.toIso6391(citation.getLanguages()))
                .setFlags(StatusFlags.of(citation))
                .build();
    }

    /** The people with {@code orcid} set from their identifiers; unchanged people are reused. */
    private static List<Author> withOrcids(List<Author> people) {
        List<Author> result = new ArrayList<>(people.size());
        for (Author person : people) {
            String orcid = Orcids.of(person.getIdentifiers());
            result.add(Objects.equals(orcid, person.getOrcid()) ? person
                    : Author.newBuilder(person).setOrcid(orcid).build());
        }
        return result;
    }

    /** A new citation holding the same field values (Avro builders would deep-copy every field). */
    private static Citation shallowCopy(Citation citation) {
        Citation copy = new Citation();
        for (int field = 0, fields = Citation.getClassSchema().getFields().size(); field < fields; field++) {
            copy.put(field, citation.get(field));
        }
        return copy;
    }
}
