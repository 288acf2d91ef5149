package org.medlinestream.enrich.enrichment;

import java.util.List;
import java.util.regex.Pattern;

import org.medlinestream.avro.Identifier;

/**
 * Normalises ORCID iDs in the three forms MEDLINE records carry them ({@code 0000-0002-1825-0097},
 * {@code 0000000218250097}, {@code https://orcid.org/0000-0002-1825-0097}, with or without an
 * {@code ORCID:} label) to {@code 0000-0002-1825-0097}, checking the ISO 7064 MOD 11-2 check
 * character. Stateless and thread-safe.
 */
public final class Orcids {

    private static final Pattern PREFIX =
            Pattern.compile("^(?i:orcid:?\\s*)?(?i:https?://)?(?i:www\\.)?(?i:orcid\\.org/)?");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Pd}]");
    private static final Pattern SIXTEEN = Pattern.compile("\\d{15}[\\dX]");

    private Orcids() {
    }

    /** The hyphenated ORCID iD, or null where {@code raw} is not one (wrong form or check character). */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String compact = SEPARATORS.matcher(PREFIX.matcher(raw.strip()).replaceFirst("")).replaceAll("");
        compact = compact.endsWith("x") ? compact.substring(0, compact.length() - 1) + 'X' : compact;
        if (!SIXTEEN.matcher(compact).matches() || checkCharacter(compact) != compact.charAt(15)) {
            return null;
        }
        return compact.substring(0, 4) + '-' + compact.substring(4, 8) + '-' + compact.substring(8, 12) + '-'
                + compact.substring(12);
    }

    /** The first valid ORCID iD among a person's identifiers (source ORCID), or null. */
    public static String of(List<Identifier> identifiers) {
        for (Identifier identifier : identifiers) {
            if ("ORCID".equalsIgnoreCase(identifier.getSource().strip())) {
                String orcid = normalize(identifier.getValue());
                if (orcid != null) {
                    return orcid;
                }
            }
        }
        return null;
    }

    /** ISO 7064 MOD 11-2 over the first 15 digits. */
    private static char checkCharacter(String digits) {
        int total = 0;
        for (int i = 0; i < 15; i++) {
            total = (total + (digits.charAt(i) - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char) ('0' + result);
    }
}
