package org.medlinestream.enrich.enrichment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The prose of ../shared/data (titles, abstracts, keywords, as single-spaced text), cut out of
 * every file with simple patterns: not a parser, only a way to gather real text for tests and
 * benchmarks. A record flattened onto one line (the seed) is taken whole.
 */
public final class SharedDataProse {

    private static final Pattern XML_PROSE = Pattern.compile(
            "<(AbstractText|ArticleTitle|VernacularTitle|Keyword)\\b[^>]*>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern TEXT_PROSE = Pattern.compile(
            "^(?:AB|TI|TT|OT|OAB) {0,2}- (.*(?:\\r?\\n {6}.*)*)", Pattern.MULTILINE);
    private static final Pattern MARKUP = Pattern.compile("<[^>]+>");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SharedDataProse() {
    }

    /** The folder of real data: system property {@code shared.data.dir} (set by surefire), else ../shared/data. */
    public static Path dataDir() {
        String configured = System.getProperty("shared.data.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path fromRoot = Path.of("../shared/data");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("../../shared/data");
    }

    /** Every prose field of every file under {@code dataDir}, in file order. */
    public static List<String> texts(Path dataDir) {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md")).sorted().toList()) {
                texts.addAll(prose(read(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataDir + " (set -Dshared.data.dir)", e);
        }
        return texts;
    }

    private static List<String> prose(String content) {
        boolean xml = content.contains("<PubmedArticle") || content.contains("<MedlineCitation");
        Matcher m = (xml ? XML_PROSE : TEXT_PROSE).matcher(content);
        List<String> texts = new ArrayList<>();
        while (m.find()) {
            String text = MARKUP.matcher(m.group(xml ? 2 : 1)).replaceAll("");
            texts.add(WHITESPACE.matcher(unescape(text)).replaceAll(" ").strip());
        }
        if (texts.isEmpty() && content.startsWith("PMID- ")) {
            texts.add(content);
        }
        return texts;
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
