package org.medlinestream.enrich.enrichment.doi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Normalisation and URL cases the table cannot show (invisible characters, Unicode, encoding). */
class DoiNormalizerTest {

    private static NormalizedDoi doi(String raw) {
        return DoiNormalizer.normalize(raw).orElseThrow(() -> new AssertionError("not a DOI: " + raw));
    }

    @Test
    void invisibleCharactersAndLineWrapsAreRemoved() {
        assertThat(doi("10.3389/fimmu.2022.\u200B978429\u00AD").display()).isEqualTo("10.3389/fimmu.2022.978429");
        assertThat(doi("doi:\n      10.3390/s24237838.").display()).isEqualTo("10.3390/s24237838");
    }

    @Test
    void unicodeIsComposedKeptInDisplayAndUtf8EncodedInTheUrl() {
        NormalizedDoi decomposed = doi("10.1000/Cafe\u0301");
        assertThat(decomposed.display()).isEqualTo("10.1000/Caf\u00E9");
        assertThat(decomposed.value()).isEqualTo("10.1000/caf\u00E9");
        assertThat(decomposed.url()).isEqualTo("https://doi.org/10.1000/Caf%C3%A9");
    }

    @Test
    void handbookCharactersAreEncodedInTheUrl() {
        assertThat(doi("10.1000/a+b[c]{d}^e`f|g\\h\"i?j").url())
                .isEqualTo("https://doi.org/10.1000/a%2Bb%5Bc%5D%7Bd%7D%5Ee%60f%7Cg%5Ch%22i%3Fj");
        assertThat(doi("https://doi.org/10.1000/100%25").url()).isEqualTo("https://doi.org/10.1000/100%25");
    }

    @Test
    void dotSegmentsKeepTheirSlashEncoded() {
        assertThat(doi("10.1000/./x").url()).isEqualTo("https://doi.org/10.1000/.%2Fx");
        assertThat(doi("10.1000/a/../b").url()).isEqualTo("https://doi.org/10.1000/a/..%2Fb");
        assertThat(doi("10.1000/a.b/c").url()).isEqualTo("https://doi.org/10.1000/a.b/c");
    }

    @Test
    void invalidPercentEscapesInAUrlFormAreKeptAsWritten() {
        assertThat(doi("https://doi.org/10.1000/abc%FF").display()).isEqualTo("10.1000/abc%FF");
    }

    @Test
    void balancedTrailingBracketsStayUnbalancedOnesGo() {
        assertThat(doi("10.1044/1092-4388(2002/080)").display()).isEqualTo("10.1044/1092-4388(2002/080)");
        assertThat(doi("10.1044/1092-4388(2002/080))").display()).isEqualTo("10.1044/1092-4388(2002/080)");
        assertThat(doi("[10.1000/xyz]").display()).isEqualTo("10.1000/xyz");
    }

    @Test
    void nullAndPrefixOnlyAreNotDois() {
        assertThat(DoiNormalizer.normalize(null)).isEmpty();
        assertThat(DoiNormalizer.normalize("doi:")).isEmpty();
        assertThat(DoiNormalizer.normalize("https://doi.org/")).isEmpty();
        assertThat(DoiNormalizer.normalize("10.123/abc")).as("registrant code of 3 digits").isEmpty();
    }
}
