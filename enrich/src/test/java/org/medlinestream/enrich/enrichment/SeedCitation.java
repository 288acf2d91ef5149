package org.medlinestream.enrich.enrichment;

import java.util.Arrays;
import java.util.List;

import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.DataBank;
import org.medlinestream.avro.Keyword;
import org.medlinestream.avro.MeshHeading;
import org.medlinestream.avro.MeshQualifier;

/**
 * The project's seed record (../shared/data/seed/000_c9b3f97c68c49ce2.txt, PMID 36119045) built by
 * hand with the Avro builders, as the parsers will give it (COMMON.md conventions).
 */
public final class SeedCitation {

    public static final String PMID = "36119045";
    public static final String TITLE = "The efficacy and safety of tacrolimus on top of glucocorticoids in the management of "
            + "IIM-ILD: A retrospective and prospective study.";
    public static final String ABSTRACT =
            """
            OBJECTIVE: To examine the efficacy of tacrolimus on top of glucocorticoids (GCs) in the\s\
            management of idiopathic inflammatory myopathies-associated interstitial lung disease (IIM-ILD)\s\
            and further assess the therapeutic benefit and safety of low-dose pirfenidone followed above\s\
            treatments. METHODS: The retrospective study comprised 250 patients with IIM-ILD hospitalized\s\
            in Tongji Hospital from 2014 to 2020. Demographic data, survival outcomes, and recurrence rates\s\
            over the 1-year follow-up period were retrospectively analyzed. These patients were divided\s\
            into two groups based on treatment with tacrolimus alone or other conventional\s\
            immunosuppressants. Endpoints were compared by adjusted Cox regression model using inverse\s\
            probability of treatment weighting to minimize treatment bias and potential confounders. For\s\
            the prospective study, IIM-ILD patients treated with tacrolimus alone or tacrolimus combined\s\
            with low-dose pirfenidone were enrolled from 2018 to 2020. Clinical characteristics, survival\s\
            outcomes and multifarious assessment scales were followed up at baseline, 3, 6 and 12 months.\s\
            The primary endpoint was 12-month survival rate and the secondary endpoints included\s\
            respiratory-related events, adverse events, exacerbation in HRCT findings and laboratory\s\
            parameters during therapy courses, and changes in respiratory function. RESULTS: For the\s\
            retrospective study, tacrolimus group (n=93) had a significantly higher survival rate (weighted\s\
            HR=0.330, p=0.002) and a lower relapse rate (weighted HR=0.548, p=0.003) compared with patients\s\
            treated with other types of immunosuppressant (n=157) after adjustment. The prospectively\s\
            enrolled 34 IIM-ILD patients were treated with tacrolimus (n=12) or tacrolimus combined with\s\
            low-dose pirfenidone (n=22). After 12 months of treatment with tacrolimus, patients in the\s\
            prospective cohort showed significant improvements in cardio-pulmonary function, disease\s\
            activity, muscle strength, and mental scale from baseline. Subgroup analysis indicated that\s\
            patients with tacrolimus and pirfenidone combination therapy showed lower chest HRCT scores\s\
            (p=0.021) and lower respiratory-related relapse rates than those in tacrolimus monotherapy\s\
            group (log-rank p=0.0029). The incidence rate of drug-associated adverse events (AEs) was\s\
            comparable between two groups and none of the patients discontinued the treatment due to severe\s\
            AEs. CONCLUSION: Tacrolimus is well-tolerated and effective in the treatment of IIM-ILD.\s\
            Furthermore, low-dose pirfenidone add-on treatment seems result in favorable improvements in\s\
            pulmonary involvements for IIM-ILD patients. CLINICAL TRIAL REGISTRATION:\s\
            http://www.chictr.org.cn, identifier ChiCTR2100043595.""";
    public static final String SOURCE =
            "Front Immunol. 2022 Sep 2;13:978429. doi: 10.3389/fimmu.2022.978429. eCollection 2022.";
    public static final String DOI = "10.3389/fimmu.2022.978429";
    private static final String TONGJI = "Tongji Hospital, Tongji Medical College, Huazhong University of Science and "
            + "Technology, Wuhan, China.";
    private static final String RHEUMATOLOGY = "Department of Rheumatology and Immunology, " + TONGJI;

    private SeedCitation() {
    }

    /** The seed citation, not enriched. */
    public static Citation build() {
        return Citation.newBuilder()
                .setPmid(PMID).setPmidVersion(1).setStatus("MEDLINE").setOwner("NLM")
                .setPublicationDate("2022")
                .setTitle(TITLE)
                .setPagination("978429")
                .setLocationIds(List.of(new ArticleId("doi", DOI, true), new ArticleId("unknown", "978429", true)))
                .setArticleIds(List.of(new ArticleId("doi", DOI, true)))
                .setAbstractText(ABSTRACT)
                .setAbstractCopyright("Copyright (c) 2022 Chen, Bai, Zhang, Hu, Zhong and Dong.")
                .setAuthors(List.of(author("Chen", "Yuxue", "Y", RHEUMATOLOGY), author("Bai", "Zhiqian", "Z", RHEUMATOLOGY),
                        author("Zhang", "Ziyun", "Z", RHEUMATOLOGY), author("Hu", "Qiongjie", "Q", "Department of Radiology, " + TONGJI),
                        author("Zhong", "Jixin", "J", RHEUMATOLOGY), author("Dong", "Lingli", "L", RHEUMATOLOGY)))
                .setLanguages(List.of("eng"))
                .setDataBanks(List.of(new DataBank("ChiCTR", List.of("ChiCTR2100043595"))))
                .setPublicationTypes(List.of("Journal Article", "Research Support, Non-U.S. Gov't"))
                .setMeshHeadings(List.of(
                        heading("Glucocorticoids", false, "adverse effects"),
                        heading("Humans", false),
                        heading("Immunosuppressive Agents", false, "adverse effects"),
                        heading("Lung Diseases, Interstitial", true, "etiology"),
                        heading("Prospective Studies", false),
                        heading("Recurrence", false),
                        heading("Retrospective Studies", false),
                        heading("Tacrolimus", true, "adverse effects")))
                .setKeywords(List.of(keyword("glucocorticoids"), keyword("idiopathic inflammatory myopathies (IIM)"),
                        keyword("interstitial lung diseases (ILD)"), keyword("pirfenidone"), keyword("tacrolimus")))
                .setPmc("PMC9479328")
                .setSource(SOURCE)
                .build();
    }

    private static Author author(String last, String fore, String initials, String affiliation) {
        return Author.newBuilder().setLastName(last).setForeName(fore).setInitials(initials)
                .setAffiliations(List.of(affiliation)).build();
    }

    private static MeshHeading heading(String descriptor, boolean major, String... qualifiers) {
        return MeshHeading.newBuilder().setDescriptor(descriptor).setMajorTopic(major)
                .setQualifiers(Arrays.stream(qualifiers)
                        .map(q -> MeshQualifier.newBuilder().setName(q).build()).toList())
                .build();
    }

    private static Keyword keyword(String text) {
        return Keyword.newBuilder().setOwner("NOTNLM").setKeyword(text).build();
    }
}
