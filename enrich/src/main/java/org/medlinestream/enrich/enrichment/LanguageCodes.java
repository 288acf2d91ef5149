package org.medlinestream.enrich.enrichment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps MEDLINE language codes (ISO 639-2, bibliographic forms such as {@code fre}, {@code ger},
 * {@code chi}) to ISO 639-1 where one exists; others ({@code und}, {@code mul}, languages without
 * a two-letter code) stay as MEDLINE writes them, lower-cased. Stateless and thread-safe.
 */
public final class LanguageCodes {

    /** MEDLINE's language list (NLM "Language abbreviations") with 639-2/T forms as aliases. */
    private static final Map<String, String> TO_ISO_639_1 = Map.ofEntries(
            Map.entry("afr", "af"), Map.entry("alb", "sq"), Map.entry("sqi", "sq"), Map.entry("amh", "am"),
            Map.entry("ara", "ar"), Map.entry("arm", "hy"), Map.entry("hye", "hy"), Map.entry("aze", "az"),
            Map.entry("baq", "eu"), Map.entry("eus", "eu"), Map.entry("bel", "be"), Map.entry("ben", "bn"),
            Map.entry("bos", "bs"), Map.entry("bul", "bg"), Map.entry("bur", "my"), Map.entry("mya", "my"),
            Map.entry("cat", "ca"), Map.entry("chi", "zh"), Map.entry("zho", "zh"), Map.entry("cze", "cs"),
            Map.entry("ces", "cs"), Map.entry("dan", "da"), Map.entry("dut", "nl"), Map.entry("nld", "nl"),
            Map.entry("eng", "en"), Map.entry("epo", "eo"), Map.entry("est", "et"), Map.entry("fin", "fi"),
            Map.entry("fre", "fr"), Map.entry("fra", "fr"), Map.entry("geo", "ka"), Map.entry("kat", "ka"),
            Map.entry("ger", "de"), Map.entry("deu", "de"), Map.entry("gla", "gd"), Map.entry("gle", "ga"),
            Map.entry("glg", "gl"), Map.entry("gre", "el"), Map.entry("ell", "el"), Map.entry("guj", "gu"),
            Map.entry("heb", "he"), Map.entry("hin", "hi"), Map.entry("hrv", "hr"), Map.entry("scr", "hr"),
            Map.entry("hun", "hu"), Map.entry("ice", "is"), Map.entry("isl", "is"), Map.entry("ind", "id"),
            Map.entry("ita", "it"), Map.entry("jpn", "ja"), Map.entry("kaz", "kk"), Map.entry("khm", "km"),
            Map.entry("kin", "rw"), Map.entry("kor", "ko"), Map.entry("kur", "ku"), Map.entry("lao", "lo"),
            Map.entry("lat", "la"), Map.entry("lav", "lv"), Map.entry("lit", "lt"), Map.entry("ltz", "lb"),
            Map.entry("mac", "mk"), Map.entry("mkd", "mk"), Map.entry("mal", "ml"), Map.entry("mao", "mi"),
            Map.entry("mri", "mi"), Map.entry("mar", "mr"), Map.entry("may", "ms"), Map.entry("msa", "ms"),
            Map.entry("mlt", "mt"), Map.entry("mon", "mn"), Map.entry("nep", "ne"), Map.entry("nor", "no"),
            Map.entry("nob", "nb"), Map.entry("nno", "nn"), Map.entry("per", "fa"), Map.entry("fas", "fa"),
            Map.entry("pol", "pl"), Map.entry("por", "pt"), Map.entry("pus", "ps"), Map.entry("rum", "ro"),
            Map.entry("ron", "ro"), Map.entry("rus", "ru"), Map.entry("san", "sa"), Map.entry("scc", "sr"),
            Map.entry("srp", "sr"), Map.entry("sin", "si"), Map.entry("slo", "sk"), Map.entry("slk", "sk"),
            Map.entry("slv", "sl"), Map.entry("smo", "sm"), Map.entry("som", "so"), Map.entry("spa", "es"),
            Map.entry("swa", "sw"), Map.entry("swe", "sv"), Map.entry("tam", "ta"), Map.entry("tel", "te"),
            Map.entry("tgl", "tl"), Map.entry("tha", "th"), Map.entry("tib", "bo"), Map.entry("bod", "bo"),
            Map.entry("tur", "tr"), Map.entry("ukr", "uk"), Map.entry("urd", "ur"), Map.entry("uzb", "uz"),
            Map.entry("vie", "vi"), Map.entry("wel", "cy"), Map.entry("cym", "cy"), Map.entry("yid", "yi"),
            Map.entry("zul", "zu"));

    private LanguageCodes() {
    }

    /** The languages as ISO 639-1 codes where one exists, deduplicated, in order. */
    public static List<String> toIso6391(List<String> medlineCodes) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : medlineCodes) {
            String key = code.strip().toLowerCase(Locale.ROOT);
            if (!key.isEmpty()) {
                codes.add(TO_ISO_639_1.getOrDefault(key, key));
            }
        }
        return new ArrayList<>(codes);
    }
}
