package org.medlinestream.enrich.enrichment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.medlinestream.avro.Citation;
import org.medlinestream.avro.DataBank;
import org.medlinestream.avro.DataLink;
import org.medlinestream.enrich.enrichment.doi.DoiNormalizer;
import org.medlinestream.enrich.enrichment.doi.NormalizedDoi;
import org.medlinestream.enrich.enrichment.trial.TrialRegistry;

/**
 * Turns the non-trial databanks of a citation (GEO, PDB, Dryad, SRA, RefSeq, dbGaP, ...) into
 * data links: databank and accession as read, with the standard landing page where the accession
 * has the databank's form. Dryad and figshare accessions are DOIs and link through doi.org; they
 * are data, never the article DOI. Stateless and thread-safe.
 */
public final class DataLinkFinder {

    private static final String NCBI = "https://www.ncbi.nlm.nih.gov/";
    private static final String UNIPROT_ACCESSION =
            "[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2}";

    /** Landing pages by lower-case databank name: accession → URL, or null where it does not fit. */
    private static final Map<String, Function<String, String>> LANDING_PAGES = landingPages();

    /** The data links of {@code citation}, in databank and accession order. */
    public List<DataLink> find(Citation citation) {
        List<DataLink> links = new ArrayList<>();
        for (DataBank bank : citation.getDataBanks()) {
            if (!TrialRegistry.forDatabank(bank.getName()).isEmpty()) {
                continue;
            }
            Function<String, String> landingPage =
                    LANDING_PAGES.getOrDefault(bank.getName().trim().toLowerCase(Locale.ROOT), accession -> null);
            for (String accession : bank.getAccessionNumbers()) {
                links.add(new DataLink(bank.getName(), accession, landingPage.apply(accession.trim())));
            }
        }
        return links;
    }

    private static Map<String, Function<String, String>> landingPages() {
        Map<String, Function<String, String>> pages = new HashMap<>();
        pages.put("bioproject", template("PRJ[DEN][A-Z]\\d+", NCBI + "bioproject/", false));
        pages.put("dbgap", template("(?i)phs\\d{6}(?:\\.v\\d+\\.p\\d+)?",
                NCBI + "projects/gap/cgi-bin/study.cgi?study_id=", true));
        pages.put("dbsnp", template("(?i)rs\\d+", NCBI + "snp/", true));
        pages.put("dbvar", template("[en]std\\d+", NCBI + "dbvar/studies/", false));
        pages.put("dryad", DataLinkFinder::doiUrl);
        pages.put("figshare", DataLinkFinder::doiUrl);
        pages.put("genbank", template("[A-Z]{1,2}\\d{5,6}(?:\\.\\d+)?|[A-Z]{4,6}\\d{8,10}(?:\\.\\d+)?",
                NCBI + "nuccore/", false));
        pages.put("geo", template("G(?:SE|PL|SM|DS)\\d+", NCBI + "geo/query/acc.cgi?acc=", false));
        pages.put("omim", template("\\d{6}", "https://omim.org/entry/", false));
        pages.put("pdb", template("\\d[A-Za-z0-9]{3}", "https://www.rcsb.org/structure/", false));
        pages.put("pubchem-bioassay", template("\\d+", "https://pubchem.ncbi.nlm.nih.gov/bioassay/", false));
        pages.put("pubchem-compound", template("\\d+", "https://pubchem.ncbi.nlm.nih.gov/compound/", false));
        pages.put("pubchem-substance", template("\\d+", "https://pubchem.ncbi.nlm.nih.gov/substance/", false));
        Function<String, String> refSeqNucleotide = template("N[CGTWZMR]_\\d+(?:\\.\\d+)?|X[MR]_\\d+(?:\\.\\d+)?",
                NCBI + "nuccore/", false);
        Function<String, String> refSeqProtein = template("[ANXYW]P_\\d+(?:\\.\\d+)?", NCBI + "protein/", false);
        pages.put("refseq", accession -> {
            String url = refSeqNucleotide.apply(accession);
            return url != null ? url : refSeqProtein.apply(accession);
        });
        pages.put("sra", template("[SED]R[APRSXZ]\\d+|PRJ[DEN][A-Z]\\d+", NCBI + "sra/?term=", false));
        Function<String, String> uniProt = template(UNIPROT_ACCESSION, "https://www.uniprot.org/uniprotkb/", false);
        pages.put("uniprotkb", accession -> suffixed(uniProt.apply(accession), "/entry"));
        pages.put("swissprot", accession -> suffixed(uniProt.apply(accession), "/entry"));
        pages.put("uniparc", template("UPI[0-9A-F]{10}", "https://www.uniprot.org/uniparc/", false));
        pages.put("uniref", template("UniRef(?:50|90|100)_[A-Za-z0-9-]+", "https://www.uniprot.org/uniref/", false));
        return Map.copyOf(pages);
    }

    /** {@code prefix + accession} where the accession matches {@code regex} (lower-cased if asked). */
    private static Function<String, String> template(String regex, String prefix, boolean lowerCase) {
        Pattern pattern = Pattern.compile(regex);
        return accession -> pattern.matcher(accession).matches()
                ? prefix + (lowerCase ? accession.toLowerCase(Locale.ROOT) : accession)
                : null;
    }

    private static String suffixed(String url, String suffix) {
        return url == null ? null : url + suffix;
    }

    private static String doiUrl(String accession) {
        return DoiNormalizer.normalize(accession).map(NormalizedDoi::url).orElse(null);
    }
}
