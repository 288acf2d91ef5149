package org.medlinestream.enrich.enrichment.doi;

import java.nio.charset.StandardCharsets;

/**
 * A syntactically valid DOI after normalisation.
 *
 * @param display the DOI with the registrant's case kept, e.g. {@code 10.3389/fimmu.2022.978429}
 * @param value   the DOI in ASCII lower case: DOIs compare case-insensitively
 */
public record NormalizedDoi(String display, String value) {

    private static final String PROXY = "https://doi.org/";
    /** Characters the DOI Handbook says to percent-encode in a URL (mandatory and recommended). */
    private static final String ENCODED = "%\"# ?<>{}^[]`|\\+";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * The {@code https://doi.org/} URL, encoded per the DOI Handbook ("DOI Name Encoding Rules for
     * URL Presentation"): its table of characters, non-ASCII and control characters as UTF-8
     * percent-escapes, and one slash of {@code /./} and {@code /../} so that no dot segment is
     * collapsed.
     */
    public String url() {
        StringBuilder url = new StringBuilder(PROXY.length() + display.length() + 8).append(PROXY);
        byte[] utf8 = display.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xFF;
            if (b < 0x21 || b >= 0x7F || ENCODED.indexOf(b) >= 0 || (b == '/' && closesDotSegment(utf8, i))) {
                url.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            } else {
                url.append((char) b);
            }
        }
        return url.toString();
    }

    /** True for the second slash of {@code /./} or {@code /../}. */
    private static boolean closesDotSegment(byte[] s, int slash) {
        int dots = 0;
        while (slash - 1 - dots >= 0 && s[slash - 1 - dots] == '.') {
            dots++;
        }
        return (dots == 1 || dots == 2) && slash - 1 - dots >= 0 && s[slash - 1 - dots] == '/';
    }
}
