package org.medlinestream.enrich.enrichment.trial;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue of clinical-trial registries: for each, its name as MEDLINE's databank list spells
 * it, the databank (SI) names it is filed under, the canonical id pattern, the loose pattern that
 * finds its ids in prose, how a match becomes the canonical id, and the trial-page URL (the
 * registry's own page where one is keyed by the id, else the WHO ICTRP page).
 *
 * <p>Constants are in priority order: where matches of two registries overlap in a text, the
 * earlier registry wins. Sources: MEDLINE-FACTS (b) and (c), NLM's databank list, ctregistries.
 */
public enum TrialRegistry {

    CLINICALTRIALS_GOV("ClinicalTrials.gov", List.of("ClinicalTrials.gov"), "NCT\\d{8}",
            "(?:" + Fragments.START + "(?i:nct)|NCT)" + Fragments.SEP + "(0\\d{7})" + Fragments.END,
            m -> CanonicalTrialId.of("NCT" + m.group(1)),
            ownPage("https://clinicaltrials.gov/study/", ""),
            Trigger.wordStart("nct").or(Trigger.anywhere("NCT")), null),

    /** ISRCTN, also spelt out: "International Standard Randomised Controlled Trial, number 69423238". */
    ISRCTN("ISRCTN", List.of("ISRCTN"), "ISRCTN\\d{8}",
            "(?:(?:" + Fragments.START + "(?i:isrctn)|ISRCTN)" + Fragments.SEP
                    + "|(?i:international\\sstandard\\srandomi[sz]ed\\scontrolled\\strials?(?:\\snumber)?)[,:]?\\s"
                    + "(?:(?i:number|no\\.?):?\\s)?)(\\d{8})" + Fragments.END,
            m -> CanonicalTrialId.of("ISRCTN" + m.group(1)),
            ownPage("https://www.isrctn.com/", ""),
            Trigger.wordStart("isrctn", "international standard random").or(Trigger.anywhere("ISRCTN")), null),

    /** EU CT numbers of the Clinical Trials Information System: the middle block starts with 5. */
    CTIS("CTIS", List.of("CTIS"), "\\d{4}-5\\d{5}-\\d{2}-\\d{2}",
            Fragments.NUMBER_START + "(?:(?i:ctis)[\\s\\p{Pd}]?)?(20\\d{2})\\p{Pd}(5\\d{5})\\p{Pd}(\\d{2})"
                    + "\\p{Pd}(\\d{2})(?![\\p{N}\\p{Pd}])",
            m -> CanonicalTrialId.of(m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "-" + m.group(4)),
            ownPage("https://euclinicaltrials.eu/ctis-public/view/", ""),
            Trigger.wordStart("ctis").or(Trigger.dashedNumber('5')), null),

    /**
     * EudraCT numbers, optionally in ICTRP spelling (EUCTR…) and with a member-state suffix. Without
     * dashes (or with spaces) the digits could be anything, so a registry keyword must be near.
     */
    EUDRACT("EudraCT", List.of("EudraCT"), "\\d{4}-\\d{6}-\\d{2}",
            Fragments.NUMBER_START + "((?i:euctr)[\\s\\p{Pd}]?)?(20[0-4]\\d)(\\p{Pd}|\\s?)(0\\d{5})\\3(\\d{2})"
                    + "(?:\\p{Pd}((?i:[a-z]{2}|3rd)))?(?![\\p{L}\\p{N}]|\\p{Pd}\\p{N})",
            m -> new CanonicalTrialId(m.group(2) + "-" + m.group(4) + "-" + m.group(5),
                    m.group(6) == null ? null : m.group(6).toUpperCase(Locale.ROOT)),
            ownPage("https://www.clinicaltrialsregister.eu/ctr-search/search?query=", ""),
            Trigger.wordStart("eudra", "euctr", "clinicaltrialsregister", "clinical trials register",
                    "clinical trials database").or(Trigger.dashedNumber('0')),
            new KeywordRule("eudra\\s?-?ct|euctr|clinicaltrialsregister|\\beu\\s?ctr\\b"
                    + "|european\\s(?:union\\s)?clinical\\strials?\\s(?:register|database)",
                    m -> m.group(1) != null || !m.group(3).isBlank())),

    ANZCTR("ANZCTR", List.of("ANZCTR"), "ACTRN126\\d{11}",
            Fragments.START + "(?i:actrn|anzctr)" + Fragments.SEP + "(126\\d{11})" + Fragments.END,
            m -> CanonicalTrialId.of("ACTRN" + m.group(1)),
            ownPage("https://www.anzctr.org.au/", ".aspx"), Trigger.wordStart("actrn", "anzctr"), null),

    CHICTR("ChiCTR", List.of("ChiCTR"), "ChiCTR(?:-[A-Z]{2,5}-\\d{8}|\\d{10})",
            Fragments.START + "(?i:chictr)" + Fragments.SEP
                    + "(?:([A-Za-z]{2,5})[\\s\\p{Pd}]{0,2}(\\d{8})|(\\d{10}))" + Fragments.END,
            m -> CanonicalTrialId.of(m.group(3) != null ? "ChiCTR" + m.group(3)
                    : "ChiCTR-" + m.group(1).toUpperCase(Locale.ROOT) + "-" + m.group(2)),
            ictrp(""), Trigger.wordStart("chictr"), null),

    CRIS("CRiS", List.of("CRiS"), "KCT\\d{7}",
            "(?:" + Fragments.START + "(?i:kct)|KCT)" + Fragments.SEP + "(00\\d{5})" + Fragments.END,
            m -> CanonicalTrialId.of("KCT" + m.group(1)),
            ictrp(""), Trigger.wordStart("kct").or(Trigger.anywhere("KCT")), null),

    CTRI("CTRI", List.of("CTRI"), "CTRI/\\d{4}/\\d{2,3}/\\d{6}",
            Fragments.START + "(?i:ctri)[\\s:#.]{0,3}[/\\p{Pd}]?\\s?(20\\d{2})\\s?[/\\p{Pd}]\\s?(\\d{2,3})"
                    + "\\s?[/\\p{Pd}]\\s?(\\d{6})" + Fragments.END,
            m -> CanonicalTrialId.of("CTRI/" + m.group(1) + "/" + m.group(2) + "/" + m.group(3)),
            ictrp(""), Trigger.wordStart("ctri"), null),

    DRKS("DRKS", List.of("DRKS"), "DRKS\\d{8}",
            Fragments.START + "(?i:drks)" + Fragments.SEP + "(?:(?i:id|no|number)" + Fragments.SEP + ")?"
                    + "(?i:drks)?(000\\d{5})" + Fragments.END,
            m -> CanonicalTrialId.of("DRKS" + m.group(1)),
            ownPage("https://drks.de/search/en/trial/", ""), Trigger.wordStart("drks"), null),

    IRCT("IRCT", List.of("IRCT"), "IRCT\\d{10,14}N\\d{1,3}",
            Fragments.START + "(?i:irct)" + Fragments.SEP + "(\\d{10,14})\\s?[Nn](\\d{1,3})" + Fragments.END,
            m -> CanonicalTrialId.of("IRCT" + m.group(1) + "N" + m.group(2)),
            ictrp(""), Trigger.wordStart("irct"), null),

    PACTR("PACTR", List.of("PACTR"), "PACTR\\d{15,16}",
            Fragments.START + "(?i:pactr)" + Fragments.SEP + "(20\\d{13,14})" + Fragments.END,
            m -> CanonicalTrialId.of("PACTR" + m.group(1)),
            ictrp(""), Trigger.wordStart("pactr"), null),

    /**
     * UMIN-CTR; MEDLINE files it under JPRN too (first of the JPRN registries: a JPRN accession of
     * no known form is taken as UMIN-CTR). Old ids are C + 9 digits (ICTRP: JPRN-C…).
     */
    UMIN_CTR("UMIN-CTR", List.of("UMIN-CTR", "UMIN", "JPRN"), "UMIN\\d{9}|C\\d{9}",
            Fragments.START + "(?:" + Fragments.JPRN + "(?i:umin)(?:[\\s\\p{Pd}]?(?i:ctr))?" + Fragments.SEP
                    + "(?:(?i:id|no|number)" + Fragments.SEP + ")?(?i:umin)?(\\d{9})"
                    + "|(?i:jprn)[\\s\\p{Pd}]?C(\\d{9}))" + Fragments.END,
            m -> CanonicalTrialId.of(m.group(1) != null ? "UMIN" + m.group(1) : "C" + m.group(2)),
            ictrp("JPRN-"), Trigger.wordStart("umin", "jprn"), null),

    JRCT("jRCT", List.of("jRCT", "JPRN"), "jRCT[a-z0-9]\\d{9}",
            Fragments.START + Fragments.JPRN + "(?i:jrct)" + Fragments.SEP + "([A-Za-z0-9]\\d{9})" + Fragments.END,
            m -> CanonicalTrialId.of("jRCT" + m.group(1).toLowerCase(Locale.ROOT)),
            ownPage("https://jrct.niph.go.jp/en-latest-detail/", ""), Trigger.wordStart("jrct"), null),

    JAPIC_CTI("JapicCTI", List.of("JapicCTI", "JPRN"), "JapicCTI-\\d{6}",
            Fragments.START + Fragments.JPRN + "(?i:japic)[\\s\\p{Pd}]?(?i:cti)" + Fragments.SEP + "(\\d{6})"
                    + Fragments.END,
            m -> CanonicalTrialId.of("JapicCTI-" + m.group(1)),
            ictrp("JPRN-"), Trigger.wordStart("japic"), null),

    JMACCT("JMACCT", List.of("JMACCT", "JPRN"), "JMA-IIA\\d{5}",
            Fragments.START + Fragments.JPRN + "(?i:jma)[\\s\\p{Pd}]?(?i:iia)" + Fragments.SEP + "(\\d{5})"
                    + Fragments.END,
            m -> CanonicalTrialId.of("JMA-IIA" + m.group(1)),
            ictrp("JPRN-"), Trigger.wordStart("jma"), null),

    /** ReBec: RBR- then a digit 2-9 and 5 to 7 characters of its alphabet (no 0, 1, l or vowels). */
    REBEC("ReBec", List.of("ReBec"), "RBR-[0-9a-z]{6,8}",
            Fragments.START + "(?i:rbr)[\\s\\p{Pd}]{0,2}((?i:[2-9][2-9b-df-hj-kmnp-tv-z]{5,7}))(?![\\p{L}\\p{N}])",
            m -> CanonicalTrialId.of("RBR-" + m.group(1).toLowerCase(Locale.ROOT)),
            ownPage("https://ensaiosclinicos.gov.br/rg/", ""), Trigger.wordStart("rbr"), null),

    REPEC("REPEC", List.of("REPEC"), "PER-\\d{3}-\\d{2}",
            Fragments.START + "(?:(?i:repec)" + Fragments.SEP + ")?PER\\p{Pd}(\\d{3})\\p{Pd}(\\d{2})"
                    + "(?![\\p{N}\\p{Pd}])",
            m -> CanonicalTrialId.of("PER-" + m.group(1) + "-" + m.group(2)),
            ictrp(""), Trigger.literalBeforeDigit("PER"), null),

    RPCEC("RPCEC", List.of("RPCEC"), "RPCEC\\d{8}",
            Fragments.START + "(?i:rpcec)" + Fragments.SEP + "(0{5}\\d{3})" + Fragments.END,
            m -> CanonicalTrialId.of("RPCEC" + m.group(1)),
            ictrp(""), Trigger.wordStart("rpcec"), null),

    SLCTR("SLCTR", List.of("SLCTR"), "SLCTR/\\d{4}/\\d{3}",
            Fragments.START + "(?i:slctr)[\\s:#.]{0,3}[/\\p{Pd}]?\\s?(20\\d{2})\\s?[/\\p{Pd}]\\s?(\\d{3})"
                    + Fragments.END,
            m -> CanonicalTrialId.of("SLCTR/" + m.group(1) + "/" + m.group(2)),
            ictrp(""), Trigger.wordStart("slctr"), null),

    TCTR("TCTR", List.of("TCTR"), "TCTR\\d{11}",
            Fragments.START + "(?i:tctr)" + Fragments.SEP + "(20\\d{9})" + Fragments.END,
            m -> CanonicalTrialId.of("TCTR" + m.group(1)),
            ownPage("https://www.thaiclinicaltrials.org/show/", ""), Trigger.wordStart("tctr"), null),

    LBCTR("LBCTR", List.of("LBCTR"), "LBCTR\\d{10}",
            Fragments.START + "(?i:lbctr)" + Fragments.SEP + "(20\\d{8})" + Fragments.END,
            m -> CanonicalTrialId.of("LBCTR" + m.group(1)),
            ictrp(""), Trigger.wordStart("lbctr"), null),

    /**
     * Netherlands Trial Register (NTR…, NL…) and its successor OMON (NL-OMON…). NTR1 is also a
     * gene, NL a country code: outside SI, a registry keyword must be near (NL-OMON excepted).
     */
    NTR("NTR", List.of("NTR", "NL-OMON"), "NTR\\d{1,4}|NL\\d{1,5}|NL-OMON\\d{1,7}",
            Fragments.START + "(?:NL-OMON(\\d{1,7})|NTR[\\s:]?(\\d{1,4})|NL(\\d{1,5}))(?!\\p{N}|[.,]\\p{N})",
            m -> CanonicalTrialId.of(m.group(1) != null ? "NL-OMON" + m.group(1)
                    : m.group(2) != null ? "NTR" + m.group(2) : "NL" + m.group(3)),
            ictrp(""), Trigger.literalBeforeDigit("NTR", "NL", "NL-OMON"),
            new KeywordRule("netherlands|dutch|nederland|trial\\s?regist|trialregister|onderzoekmetmensen"
                    + "|\\bntr\\b|\\bltr\\b|\\bomon\\b", m -> m.group(1) != null));

    private static final String ICTRP = "https://trialsearch.who.int/Trial2.aspx?TrialID=";
    private static final Map<String, List<TrialRegistry>> BY_DATABANK_NAME = indexByDatabankName();

    private final String registryName;
    private final List<String> databankNames;
    private final Pattern canonical;
    private final Pattern loose;
    private final Function<MatchResult, CanonicalTrialId> canonicaliser;
    private final Function<CanonicalTrialId, String> url;
    private final Trigger trigger;
    private final KeywordRule keywordRule;

    TrialRegistry(String registryName, List<String> databankNames, String canonical, String loose,
                  Function<MatchResult, CanonicalTrialId> canonicaliser, Function<CanonicalTrialId, String> url,
                  Trigger trigger, KeywordRule keywordRule) {
        this.registryName = registryName;
        this.databankNames = databankNames;
        this.canonical = Pattern.compile(canonical);
        this.loose = Pattern.compile(loose);
        this.canonicaliser = canonicaliser;
        this.url = url;
        this.trigger = trigger;
        this.keywordRule = keywordRule;
    }

    /** The registry as MEDLINE's databank list names it (the {@code TrialRegistration.registry} value). */
    public String registryName() {
        return registryName;
    }

    /** Canonical id pattern (whole-string match). */
    public Pattern canonicalPattern() {
        return canonical;
    }

    /** Registries filed under databank (SI) name {@code name}, case-insensitively; empty if none. */
    public static List<TrialRegistry> forDatabank(String name) {
        return name == null ? List.of()
                : BY_DATABANK_NAME.getOrDefault(name.trim().toLowerCase(Locale.ROOT), List.of());
    }

    /** The WHO ICTRP trial page for an id in ICTRP spelling. */
    public static String ictrpUrl(String ictrpId) {
        return ICTRP + URLEncoder.encode(ictrpId, StandardCharsets.UTF_8);
    }

    /** Trial page for a canonical id of this registry. */
    public String url(CanonicalTrialId id) {
        return url.apply(id);
    }

    /** Cheap pre-check: false when {@code text} cannot contain an id of this registry. */
    boolean mayOccurIn(String text, String lowerCaseText) {
        return trigger.test(text, lowerCaseText);
    }

    Matcher matcher(CharSequence text) {
        return loose.matcher(text);
    }

    /** True where a match in prose needs no nearby keyword or has one within the window before it. */
    boolean keywordSatisfied(CharSequence text, MatchResult match) {
        return keywordRule == null || keywordRule.satisfied(text, match);
    }

    /** The canonical id for a match of the loose pattern, or null where it is not a valid id. */
    CanonicalTrialId canonicalise(MatchResult match) {
        CanonicalTrialId id = canonicaliser.apply(match);
        return canonical.matcher(id.id()).matches() ? id : null;
    }

    private static Function<CanonicalTrialId, String> ownPage(String prefix, String suffix) {
        return id -> prefix + id.id() + suffix;
    }

    private static Function<CanonicalTrialId, String> ictrp(String ictrpPrefix) {
        return id -> ictrpUrl(ictrpPrefix + id.id());
    }

    private static Map<String, List<TrialRegistry>> indexByDatabankName() {
        Map<String, List<TrialRegistry>> index = new HashMap<>();
        for (TrialRegistry registry : values()) {
            for (String name : registry.databankNames) {
                index.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(registry);
            }
        }
        index.replaceAll((name, registries) -> List.copyOf(registries));
        return Map.copyOf(index);
    }

    /** Regex fragments shared by the loose patterns (compile-time constants, usable in constants). */
    private static final class Fragments {
        /** Not glued to a preceding letter or digit. */
        static final String START = "(?<![\\p{L}\\p{N}])";
        /** Before a bare number: not glued to a letter or digit, nor to a digit and a dash. */
        static final String NUMBER_START = "(?<![\\p{L}\\p{N}]|\\p{N}\\p{Pd})";
        /** Between a registry prefix and its number: "NCT 0…", "NCT#0…", "DRKS: 000…". */
        static final String SEP = "[\\s\\p{Pd}:#.]{0,3}";
        /** Not followed by another digit. */
        static final String END = "(?!\\p{N})";
        /** The optional ICTRP prefix of the Japanese registries (JPRN-UMIN…, JPRN-jRCT…). */
        static final String JPRN = "(?:(?i:jprn)[\\s\\p{Pd}]?)?";
    }

    /** A registry keyword that must stand within {@link #WINDOW} characters before a prose match. */
    private record KeywordRule(Pattern keyword, Predicate<MatchResult> exempt) {
        static final int WINDOW = 120;

        KeywordRule(String keywordRegex, Predicate<MatchResult> exempt) {
            this(Pattern.compile(keywordRegex, Pattern.CASE_INSENSITIVE), exempt);
        }

        boolean satisfied(CharSequence text, MatchResult match) {
            if (exempt.test(match)) {
                return true;
            }
            Matcher m = keyword.matcher(text);
            m.region(Math.max(0, match.start() - WINDOW), match.start());
            m.useTransparentBounds(true);
            return m.find();
        }
    }
}
