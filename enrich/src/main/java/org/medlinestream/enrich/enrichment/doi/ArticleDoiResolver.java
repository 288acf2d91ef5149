package org.medlinestream.enrich.enrichment.doi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Doi;
import org.medlinestream.avro.Evidence;

/**
 * Chooses the article DOI of a citation from its DOI slots: LID (XML ELocationID), AID (XML
 * ArticleId) and the {@code doi:} of the SO line, in that order of preference. A value marked
 * invalid (ValidYN=N) is used only where no valid one exists; every problem becomes a
 * {@code doiIssues} message: garbage in a DOI slot, a value marked invalid, sources that disagree.
 * Databank accessions (a Dryad DOI) are never read. Stateless and thread-safe.
 */
public final class ArticleDoiResolver {

    private static final Pattern SOURCE_DOI = Pattern.compile("(?<!\\p{L})(?i:doi):\\s*(10\\.\\S+)");

    /** The article DOI (or null) and the problems found on the way. */
    public record Resolution(Doi doi, List<String> issues) {
    }

    /** One value from a DOI slot, normalised where it could be. */
    private record Candidate(String field, String asRead, boolean markedValid, NormalizedDoi doi) {
    }

    /** Resolves the DOI of {@code citation}. */
    public Resolution resolve(Citation citation) {
        List<String> issues = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>(4);
        collect("LID", citation.getLocationIds(), candidates, issues);
        collect("AID", citation.getArticleIds(), candidates, issues);
        fromSource(citation.getSource(), candidates);
        Candidate chosen = choose(candidates);
        if (chosen == null) {
            return new Resolution(null, issues);
        }
        List<Evidence> evidence = new ArrayList<>(candidates.size());
        Set<String> disagreeing = new LinkedHashSet<>();
        for (Candidate candidate : candidates) {
            if (agrees(candidate, chosen)) {
                evidence.add(new Evidence(candidate.field(), candidate.asRead()));
            } else if (candidate.markedValid()) {
                disagreeing.add(candidate.field() + " " + candidate.doi().display());
            }
        }
        if (!disagreeing.isEmpty()) {
            issues.add("DOI sources disagree: " + chosen.field() + " " + chosen.doi().display() + " vs "
                    + String.join(", ", disagreeing) + "; kept " + chosen.doi().display());
        }
        NormalizedDoi doi = chosen.doi();
        return new Resolution(new Doi(doi.value(), doi.display(), doi.url(), evidence), issues);
    }

    private static void collect(String field, List<ArticleId> ids, List<Candidate> candidates, List<String> issues) {
        for (ArticleId id : ids) {
            if (!"doi".equalsIgnoreCase(id.getType())) {
                continue;
            }
            Optional<NormalizedDoi> doi = DoiNormalizer.normalize(id.getValue());
            if (doi.isEmpty()) {
                issues.add(field + " [doi] \"" + id.getValue() + "\" is not a DOI; ignored");
                continue;
            }
            if (!id.getValid()) {
                issues.add(field + " [doi] \"" + id.getValue() + "\" is marked invalid (ValidYN=N)");
            }
            candidates.add(new Candidate(field, id.getValue(), id.getValid(), doi.get()));
        }
    }

    /** The {@code doi: 10.…} of a MEDLINE SO line; the citation's closing period is not part of it. */
    private static void fromSource(String source, List<Candidate> candidates) {
        if (source == null) {
            return;
        }
        Matcher m = SOURCE_DOI.matcher(source);
        if (m.find()) {
            DoiNormalizer.normalize(m.group(1))
                    .ifPresent(doi -> candidates.add(new Candidate("SO", m.group(), true, doi)));
        }
    }

    /** The first valid candidate; else the first one marked invalid; else null. */
    private static Candidate choose(List<Candidate> candidates) {
        for (Candidate candidate : candidates) {
            if (candidate.markedValid()) {
                return candidate;
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /**
     * Same DOI, compared case-insensitively. An SO DOI that is a prefix of the chosen one agrees:
     * MEDLINE text wraps SO lines inside DOIs, and a wrap joined with a space cuts the DOI short.
     */
    private static boolean agrees(Candidate candidate, Candidate chosen) {
        String value = candidate.doi().value();
        return value.equals(chosen.doi().value())
                || ("SO".equals(candidate.field()) && chosen.doi().value().startsWith(value));
    }
}
