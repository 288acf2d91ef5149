package org.medlinestream.enrich.enrichment.trial;

/**
 * A cheap test that tells whether a text may contain a registry's id, run before the registry's
 * regular expression so that most (registry, field) pairs cost one {@code indexOf}.
 */
@FunctionalInterface
interface Trigger {

    /**
     * @param text          the text
     * @param lowerCaseText the same text in lower case (for case-insensitive literals)
     */
    boolean test(String text, String lowerCaseText);

    default Trigger or(Trigger other) {
        return (text, lower) -> test(text, lower) || other.test(text, lower);
    }

    /**
     * Fires when the lower-cased text has one of the (lower-case) literals at the start of a word,
     * as the loose patterns require: "function" does not fire "nct", "albumin" does not fire "umin".
     */
    static Trigger wordStart(String... literals) {
        return (text, lower) -> {
            for (String literal : literals) {
                for (int at = lower.indexOf(literal); at >= 0; at = lower.indexOf(literal, at + 1)) {
                    if (at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1))) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /** Fires when the text, case kept, contains one of the literals anywhere ("ClinicalTrials.govNCT0…"). */
    static Trigger anywhere(String... literals) {
        return (text, lower) -> {
            for (String literal : literals) {
                if (text.contains(literal)) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * Fires on a dashed number {@code DDDD-nDDDDD} whose second block starts with {@code first}: the
     * {@code 2010-019469} of a EudraCT number ({@code 0}) or the {@code 2024-518086} of an EU CT
     * number ({@code 5}).
     */
    static Trigger dashedNumber(char first) {
        return (text, lower) -> {
            for (int i = 4, last = text.length() - 6; i < last; i++) {
                if (text.charAt(i + 1) == first && Character.getType(text.charAt(i)) == Character.DASH_PUNCTUATION
                        && digits(text, i - 4, i) && digits(text, i + 2, i + 7)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Fires where a literal (case kept) is followed by a digit, after at most one space, colon or dash. */
    static Trigger literalBeforeDigit(String... literals) {
        return (text, lower) -> {
            for (String literal : literals) {
                for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
                    int next = at + literal.length();
                    if (next < text.length() && " :-".indexOf(text.charAt(next)) >= 0) {
                        next++;
                    }
                    if (next < text.length() && Character.isDigit(text.charAt(next))) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
