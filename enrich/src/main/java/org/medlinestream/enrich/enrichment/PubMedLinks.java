package org.medlinestream.enrich.enrichment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PubMed and PubMed Central article URLs. Stateless and thread-safe. */
public final class PubMedLinks {

    private static final Pattern PMC_ID = Pattern.compile("^(?i:pmc(?:id)?:?\\s*)?(\\d+)$");

    private PubMedLinks() {
    }

    /** {@code https://pubmed.ncbi.nlm.nih.gov/<pmid>/}. */
    public static String pubmedUrl(String pmid) {
        if (pmid == null || pmid.isBlank()) {
            throw new IllegalArgumentException("citation has no PMID: the parser must set one");
        }
        return "https://pubmed.ncbi.nlm.nih.gov/" + pmid.strip() + "/";
    }

    /** {@code https://pmc.ncbi.nlm.nih.gov/articles/PMC<n>/} for {@code PMC<n>} or {@code <n>}; else null. */
    public static String pmcUrl(String pmc) {
        if (pmc == null) {
            return null;
        }
        Matcher m = PMC_ID.matcher(pmc.strip());
        return m.matches() ? "https://pmc.ncbi.nlm.nih.gov/articles/PMC" + m.group(1) + "/" : null;
    }
}
