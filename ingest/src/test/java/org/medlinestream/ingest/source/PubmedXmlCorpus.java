package org.medlinestream.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The real PubMed XML files of {@code shared.data.dir}/pubmed-xml, and what they hold, found with
 * plain regular expressions (independently of the reader under test). Shared with enrich's tests.
 */
public final class PubmedXmlCorpus {
  private static final Pattern RECORD =
      Pattern.compile("(?s)<(PubmedArticle|PubmedBookArticle|MedlineCitation)[\\s>].*?</\\1>");
  private static final Pattern DELETE = Pattern.compile("(?s)<DeleteCitation>.*?</DeleteCitation>");
  private static final Pattern PMID = Pattern.compile("<PMID[^>]*>\\s*(\\d+)\\s*</PMID>");

  /** A record or delete as the file holds it. */
  public record Expected(String pmid, boolean delete, String text, long line, int offset) {}

  private PubmedXmlCorpus() {}

  public static Path folder() {
    return Path.of(System.getProperty("shared.data.dir", "../../shared/data"), "pubmed-xml");
  }

  /** Every file of the folder, sub-folders included, sorted. */
  public static List<Path> files() {
    try (Stream<Path> walk = Files.walk(folder())) {
      return walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path file(String relative) {
    return folder().resolve(relative);
  }

  /** The file's bytes, gunzipped when it ends in {@code .gz}. */
  public static byte[] bytes(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return file.toString().endsWith(".gz")
          ? new GZIPInputStream(in).readAllBytes()
          : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records and deletes in the order of the file. */
  public static List<Expected> expected(byte[] xml) {
    String text = new String(xml, StandardCharsets.UTF_8);
    List<Expected> found = new ArrayList<>();
    Matcher record = RECORD.matcher(text);
    while (record.find()) {
      Matcher pmid = PMID.matcher(record.group());
      found.add(
          new Expected(
              pmid.find() ? pmid.group(1) : null,
              false,
              record.group(),
              lineAt(text, record.start()),
              record.start()));
    }
    Matcher delete = DELETE.matcher(text);
    while (delete.find()) {
      Matcher pmid = PMID.matcher(delete.group());
      while (pmid.find()) {
        int at = delete.start() + pmid.start();
        found.add(new Expected(pmid.group(1), true, pmid.group(), lineAt(text, at), at));
      }
    }
    found.sort(Comparator.comparingInt(Expected::offset));
    return found;
  }

  private static long lineAt(String text, int offset) {
    return 1 + text.substring(0, offset).chars().filter(c -> c == '\n').count();
  }
}
