package org.medlinestream.enrich.enrichment.doi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises a DOI as found in a record (MEDLINE-FACTS (d)): Unicode NFC; invisible characters and
 * leading quotes/brackets dropped; {@code doi:}, {@code urn:doi:} and {@code https://doi.org/}-style
 * prefixes stripped (URL forms percent-decoded); wrap whitespace removed; trailing punctuation
 * dropped unless balanced inside the DOI (SICI {@code (…)}, {@code <…>}); then validated against
 * {@code ^10\.\d{4,9}(\.\d+)*\/\S+$}. Stateless and thread-safe.
 */
public final class DoiNormalizer {

    private static final Pattern DOI_PREFIX = Pattern.compile("^(?i:urn:)?(?i:doi)(?::\\s*|\\s+)");
    private static final Pattern URL_PREFIX =
            Pattern.compile("^(?i:https?://)?(?i:www\\.|dx\\.)?(?i:doi\\.org)/(?i:urn:doi:|doi:)?");
    private static final Pattern VALID = Pattern.compile("^10\\.\\d{4,9}(?:\\.\\d+)*/\\S+$");
    private static final Pattern WHITESPACE_AND_INVISIBLES =
            Pattern.compile("[\\s\\p{Z}\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]+");
    private static final String LEADING_WRAPPERS = "\"'‘“«<([{";
    private static final String TRAILING_PUNCTUATION = ".,;:'\"’”»";
    private static final String CLOSERS = ")]}>";
    private static final String OPENERS = "([{<";

    private DoiNormalizer() {
    }

    /** The normalised DOI, or empty where {@code raw} is not a DOI. */
    public static Optional<NormalizedDoi> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = isPlainAscii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        s = stripLeadingWrappers(s.strip());
        if (!s.startsWith("10.")) {
            s = DOI_PREFIX.matcher(s).replaceFirst("");
            Matcher url = URL_PREFIX.matcher(s);
            if (url.find()) {
                s = percentDecode(s.substring(url.end()));
            }
        }
        if (!isPlainAscii(s)) {
            s = WHITESPACE_AND_INVISIBLES.matcher(s).replaceAll("");
        }
        s = stripTrailingPunctuation(s);
        if (!VALID.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of(new NormalizedDoi(s, asciiLowerCase(s)));
    }

    /** Printable ASCII without spaces: nothing to normalise, no whitespace to remove. */
    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static String stripLeadingWrappers(String s) {
        int start = 0;
        while (start < s.length() && LEADING_WRAPPERS.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        return s.substring(start).strip();
    }

    /** Drops trailing punctuation; a closing bracket stays only where it closes one opened in the DOI. */
    private static String stripTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0) {
            char last = s.charAt(end - 1);
            int closer = CLOSERS.indexOf(last);
            boolean drop = TRAILING_PUNCTUATION.indexOf(last) >= 0
                    || (closer >= 0 && count(s, end, OPENERS.charAt(closer)) < count(s, end, last));
            if (!drop) {
                break;
            }
            end--;
        }
        return s.substring(0, end);
    }

    private static int count(String s, int end, char c) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** Decodes each run of {@code %XX} escapes as UTF-8; a run that is not valid UTF-8 is kept as written. */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int runEnd = i;
            while (isEscape(s, runEnd)) {
                runEnd += 3;
            }
            if (runEnd == i) {
                out.append(s.charAt(i++));
                continue;
            }
            byte[] bytes = new byte[(runEnd - i) / 3];
            for (int b = 0; b < bytes.length; b++) {
                bytes[b] = (byte) Integer.parseInt(s, i + 3 * b + 1, i + 3 * b + 3, 16);
            }
            try {
                out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)));
            } catch (CharacterCodingException e) {
                out.append(s, i, runEnd);
            }
            i = runEnd;
        }
        return out.toString();
    }

    private static boolean isEscape(String s, int i) {
        return i + 2 < s.length() && s.charAt(i) == '%' && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** DOIs are case-insensitive in ASCII only: other letters are kept as they are. */
    private static String asciiLowerCase(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }
}
