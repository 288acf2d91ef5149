package org.medlinestream.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * What the files of ../shared/data hold, found by a plain text scan with regular expressions,
 * independent of the project's readers and parsers: the expected numbers of the demo over them.
 *
 * <ul>
 *   <li>MEDLINE text: blocks separated by blank lines; each {@code PMID-} line (with or without
 *       the space, as in robustness/) starts a record; a block without one is text outside any
 *       record, which ingest refuses to the DLQ.
 *   <li>PubMed XML: each {@code PubmedArticle} / {@code PubmedBookArticle} (or, in the old
 *       {@code MedlineCitationSet} format, {@code MedlineCitation}) is a record, its first
 *       {@code PMID} the key; each PMID in a {@code DeleteCitation} a delete.
 *   <li>The record kept for a PMID (files in path order, as ingest reads a folder): the first,
 *       then any later one that is not the same text and not an older revision ({@code PMID
 *       Version}, then {@code DateRevised} / {@code LR}).
 * </ul>
 */
record SharedDataScan(List<Found> records, List<String> deletes, List<String> refusedBlocks) {
  /** A record as found: its PMID and its text. */
  record Found(String pmid, String text) {}

  private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n[ \\t]*\\r?\\n");
  private static final Pattern RECORD_START = Pattern.compile("(?m)^(?=PMID-)");
  private static final Pattern TEXT_PMID = Pattern.compile("^PMID-\\s*(\\d+)");
  private static final Pattern ARTICLE =
      Pattern.compile("<(PubmedArticle|PubmedBookArticle)>.*?</\\1>", Pattern.DOTALL);
  private static final Pattern OLD_CITATION =
      Pattern.compile("<MedlineCitation[ >].*?</MedlineCitation>", Pattern.DOTALL);
  private static final Pattern XML_PMID = Pattern.compile("<PMID[^>]*>(\\d+)</PMID>");
  private static final Pattern DELETE =
      Pattern.compile("<DeleteCitation>(.*?)</DeleteCitation>", Pattern.DOTALL);
  private static final Pattern VERSION = Pattern.compile("<PMID[^>]*Version=\"(\\d+)\"");
  private static final Pattern XML_REVISED = Pattern.compile(
      "<DateRevised>\\s*<Year>(\\d+)</Year>\\s*<Month>(\\d+)</Month>\\s*<Day>(\\d+)</Day>");
  private static final Pattern TEXT_REVISED = Pattern.compile("(?m)^LR  - (\\d{4})(\\d\\d)(\\d\\d)");
  /** An article DOI as PubMed marks it; garbage like {@code <ArticleId IdType="doi">30049} is not one. */
  private static final Pattern DOI = Pattern.compile(
      "(?:IdType=\"doi\"[^>]*>|EIdType=\"doi\"[^>]*>)\\s*10\\.\\d{4,9}/[^\\s<]+"
          + "|(?:LID|AID) - 10\\.\\d{4,9}/\\S+ \\[doi\\]");
  /** A trial declared in the structured fields: a DataBank accession or an SI line. */
  private static final Pattern DATA_BANK = Pattern.compile(
      "<DataBankName>(?:ClinicalTrials\\.gov|ISRCTN|EudraCT|ChiCTR)</DataBankName>\\s*"
          + "<AccessionNumberList>(.*?)</AccessionNumberList>", Pattern.DOTALL);
  private static final Pattern ACCESSION = Pattern.compile("<AccessionNumber>(.*?)</AccessionNumber>");
  private static final Pattern SI_TRIAL =
      Pattern.compile("SI  - (?:ClinicalTrials\\.gov|ISRCTN|EudraCT|ChiCTR)/(\\S+)");

  static SharedDataScan of(Path dir) throws IOException {
    List<Found> records = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Path file : dataFiles(dir)) {
      String text = read(file);
      if (text.strip().startsWith("<") || text.contains("<?xml")) {
        Pattern element = text.contains("<PubmedArticleSet") || text.contains("<PubmedBookArticle")
            ? ARTICLE : OLD_CITATION;
        Matcher article = element.matcher(text);
        while (article.find()) {
          Matcher pmid = XML_PMID.matcher(article.group());
          if (pmid.find()) {
            records.add(new Found(pmid.group(1), article.group()));
          }
        }
        Matcher deleted = DELETE.matcher(text);
        while (deleted.find()) {
          XML_PMID.matcher(deleted.group(1)).results().forEach(m -> deletes.add(m.group(1)));
        }
      } else {
        for (String block : BLANK_LINE.split(text)) {
          scanBlock(file, block, records, refused);
        }
      }
    }
    return new SharedDataScan(List.copyOf(records), List.copyOf(deletes), List.copyOf(refused));
  }

  /** Distinct PMIDs of the records. */
  Set<String> pmids() {
    Set<String> pmids = new TreeSet<>();
    records.forEach(r -> pmids.add(r.pmid()));
    return pmids;
  }

  /** Records whose PMID came before: duplicates and revisions. */
  int repeatedPmids() {
    return records.size() - pmids().size();
  }

  /** PMIDs whose kept record has an article DOI. */
  Set<String> pmidsWithDoi() {
    Set<String> pmids = new TreeSet<>();
    kept().forEach((pmid, text) -> {
      if (DOI.matcher(text).find()) {
        pmids.add(pmid);
      }
    });
    return pmids;
  }

  /** {@code pmid trial-id} of every trial a kept record declares in DataBank or SI. */
  Set<String> declaredTrials() {
    Set<String> trials = new TreeSet<>();
    kept().forEach((pmid, text) -> {
      DATA_BANK.matcher(text).results().forEach(bank -> ACCESSION.matcher(bank.group(1)).results()
          .forEach(accession -> trials.add(pmid + " " + accession.group(1))));
      SI_TRIAL.matcher(text).results().forEach(si -> trials.add(pmid + " " + si.group(1)));
    });
    return trials;
  }

  /** The text of the record kept for each PMID. */
  Map<String, String> kept() {
    Map<String, String> kept = new LinkedHashMap<>();
    for (Found record : records) {
      String earlier = kept.get(record.pmid());
      if (earlier == null
          || !earlier.equals(record.text()) && !isOlder(record.text(), earlier)) {
        kept.put(record.pmid(), record.text());
      }
    }
    return kept;
  }

  private static void scanBlock(Path file, String block, List<Found> records,
      List<String> refused) {
    if (block.isBlank()) {
      return;
    }
    boolean anyRecord = false;
    for (String part : RECORD_START.split(block)) {
      Matcher pmid = TEXT_PMID.matcher(part);
      if (pmid.find()) {
        records.add(new Found(pmid.group(1), part));
        anyRecord = true;
      }
    }
    if (!anyRecord) {
      refused.add(file.getFileName() + ": " + block.lines().findFirst().orElse(""));
    }
  }

  private static boolean isOlder(String text, String than) {
    Comparator<String> order = Comparator.comparingInt(SharedDataScan::version)
        .thenComparing(SharedDataScan::revised);
    return order.compare(text, than) < 0;
  }

  private static int version(String text) {
    Matcher version = VERSION.matcher(text);
    return version.find() ? Integer.parseInt(version.group(1)) : 1;
  }

  private static LocalDate revised(String text) {
    for (Pattern date : List.of(XML_REVISED, TEXT_REVISED)) {
      Matcher revised = date.matcher(text);
      if (revised.find()) {
        return LocalDate.of(Integer.parseInt(revised.group(1)), Integer.parseInt(revised.group(2)),
            Integer.parseInt(revised.group(3)));
      }
    }
    return LocalDate.MIN;
  }

  private static List<Path> dataFiles(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(".md"))
          .sorted(Comparator.comparing(p -> dir.relativize(p).toString()))
          .toList();
    }
  }

  private static String read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
