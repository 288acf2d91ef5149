package org.medlinestream.enrich.enrichment.trial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medlinestream.avro.Citation;
import org.medlinestream.avro.DataBank;
import org.medlinestream.avro.Evidence;
import org.medlinestream.avro.Keyword;
import org.medlinestream.avro.OtherAbstract;
import org.medlinestream.avro.TrialRegistration;

/**
 * Finds the clinical-trial registrations of a citation: in its trial-registry databanks (SI) and
 * in its title, vernacular title, abstract, other abstracts and keywords. One registration per
 * (registry, canonical id), in order of first appearance, with every place it was found as
 * evidence (field = MEDLINE tag SI, TI, TT, AB, OAB or OT). Stateless and thread-safe.
 */
public final class TrialRegistrationFinder {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The registrations in {@code citation}, deduplicated across fields. */
    public List<TrialRegistration> find(Citation citation) {
        Registrations found = new Registrations();
        for (DataBank bank : citation.getDataBanks()) {
            List<TrialRegistry> registries = TrialRegistry.forDatabank(bank.getName());
            if (!registries.isEmpty()) {
                for (String accession : bank.getAccessionNumbers()) {
                    fromAccession(registries, bank.getName(), accession, found);
                }
            }
        }
        scan("TI", citation.getTitle(), found);
        scan("TT", citation.getVernacularTitle(), found);
        scan("AB", citation.getAbstractText(), found);
        for (OtherAbstract other : citation.getOtherAbstracts()) {
            scan("OAB", other.getText(), found);
        }
        for (Keyword keyword : citation.getKeywords()) {
            scan("OT", keyword.getKeyword(), found);
        }
        return found.list();
    }

    /** The registrations in one free-text field (what {@link #find} does for each of them). */
    public List<TrialRegistration> findInText(String field, String text) {
        Registrations found = new Registrations();
        scan(field, text, found);
        return found.list();
    }

    /**
     * An SI accession is the registry's own statement: no keyword needed. One that does not
     * match its registry's pattern is kept as read (spaces removed), linked through ICTRP.
     */
    private static void fromAccession(List<TrialRegistry> registries, String bankName, String accession,
                                      Registrations found) {
        Evidence evidence = new Evidence("SI", bankName + "/" + accession);
        for (TrialRegistry registry : registries) {
            Matcher m = registry.matcher(accession);
            CanonicalTrialId id = m.find() ? registry.canonicalise(m) : null;
            if (id != null) {
                found.add(registry, id, registry.url(id), evidence);
                return;
            }
        }
        String asRead = WHITESPACE.matcher(accession).replaceAll("");
        if (!asRead.isEmpty()) {
            found.add(registries.get(0), CanonicalTrialId.of(asRead), TrialRegistry.ictrpUrl(asRead), evidence);
        }
    }

    /** Adds the ids in {@code text} in order of position; an overlap goes to the earlier registry. */
    private static void scan(String field, String text, Registrations found) {
        if (text == null || text.isBlank()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>(2);
        for (TrialRegistry registry : TrialRegistry.values()) {
            if (!registry.mayOccurIn(text, lower)) {
                continue;
            }
            Matcher m = registry.matcher(text);
            while (m.find()) {
                if (overlaps(hits, m.start(), m.end()) || !registry.keywordSatisfied(text, m)) {
                    continue;
                }
                CanonicalTrialId id = registry.canonicalise(m);
                if (id != null) {
                    hits.add(new Hit(m.start(), m.end(), registry, id, m.group()));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start));
        for (Hit hit : hits) {
            found.add(hit.registry(), hit.id(), hit.registry().url(hit.id()), new Evidence(field, hit.text()));
        }
    }

    private static boolean overlaps(List<Hit> hits, int start, int end) {
        for (Hit hit : hits) {
            if (start < hit.end() && hit.start() < end) {
                return true;
            }
        }
        return false;
    }

    /** A registry id matched in a text. */
    private record Hit(int start, int end, TrialRegistry registry, CanonicalTrialId id, String text) {
    }

    /** Registrations keyed by registry and canonical id, merging suffixes and evidence. */
    private static final class Registrations {
        private final Map<String, TrialRegistration> byKey = new LinkedHashMap<>();

        void add(TrialRegistry registry, CanonicalTrialId id, String url, Evidence evidence) {
            TrialRegistration registration = byKey.computeIfAbsent(registry.registryName() + ' ' + id.id(),
                    key -> new TrialRegistration(registry.registryName(), id.id(), null, url, new ArrayList<>()));
            if (registration.getSuffix() == null) {
                registration.setSuffix(id.suffix());
            }
            if (!registration.getEvidence().contains(evidence)) {
                registration.getEvidence().add(evidence);
            }
        }

        List<TrialRegistration> list() {
            return new ArrayList<>(byKey.values());
        }
    }
}
