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

    /** Fires when the lower-cased text contains any of the (lower-case) literals. */
    static Trigger anyOf(String... literals) {
        return (text, lower) -> containsAny(lower, literals);
    }

    /** Fires when the text, case kept, contains any of the literals. */
    static Trigger caseSensitive(String... literals) {
        return (text, lower) -> containsAny(text, literals);
    }

    /** Fires on a dash between a digit and {@code next}: the {@code 2010-0…} of a dashed EudraCT number. */
    static Trigger dashBefore(char next) {
        return (text, lower) -> {
            for (int i = 1, last = text.length() - 1; i < last; i++) {
                if (text.charAt(i + 1) == next && Character.getType(text.charAt(i)) == Character.DASH_PUNCTUATION
                        && Character.isDigit(text.charAt(i - 1))) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean containsAny(String text, String... literals) {
        for (String literal : literals) {
            if (text.contains(literal)) {
                return true;
            }
        }
        return false;
    }
}
