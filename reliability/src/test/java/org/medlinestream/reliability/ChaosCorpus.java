package org.medlinestream.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A generated input of {@code files} drop-folder files (published in name order): every PMID's
 * first revision, later revisions of some, an older revision re-sent after the newer one for a
 * few (stale: must not win), {@code DeleteCitation}s of some, and bad inputs (non-numeric PMIDs,
 * invalid UTF-8) each carrying a marker {@code BADINPUT-n} that its dead letter must show.
 */
final class ChaosCorpus {
  static final long FIRST_PMID = 41_000_000L;
  private static final LocalDate FIRST_REVISION = LocalDate.of(2021, 1, 4);

  /** File name to contents, in name order. */
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  /** PMID to its newest revision, for the PMIDs that must be in the store at the end. */
  private final Map<String, Integer> expected = new TreeMap<>();
  private final Set<String> badMarkers = new TreeSet<>();
  private int deletes;
  private int revised;
  private int stale;

  private ChaosCorpus() {}

  static ChaosCorpus generate(int records, int files, Random random) {
    ChaosCorpus corpus = new ChaosCorpus();
    List<StringBuilder> text = new ArrayList<>();
    List<StringBuilder> deleted = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      text.add(new StringBuilder());
      deleted.add(new StringBuilder());
    }
    for (int i = 0; i < records; i++) {
      String pmid = Long.toString(FIRST_PMID + i);
      int first = random.nextInt(files);
      text.get(first).append(record(pmid, 1));
      corpus.expected.put(pmid, 1);
      boolean later = first < files - 1;
      double dice = random.nextDouble();
      if (later && dice < 0.25) {
        int second = first + 1 + random.nextInt(files - first - 1);
        text.get(second).append(record(pmid, 2));
        corpus.expected.put(pmid, 2);
        corpus.revised++;
        if (second < files - 1 && dice < 0.08) {
          text.get(second + 1 + random.nextInt(files - second - 1)).append(record(pmid, 1));
          corpus.stale++;
        }
      } else if (later && dice < 0.33) {
        deleted.get(first + 1 + random.nextInt(files - first - 1))
            .append("<DeleteCitation><PMID Version=\"1\">").append(pmid)
            .append("</PMID></DeleteCitation>\n");
        corpus.expected.remove(pmid);
        corpus.deletes++;
      }
      if (random.nextDouble() < 0.03) {
        corpus.addBadInput(text.get(random.nextInt(files)));
      }
    }
    for (int f = 0; f < files; f++) {
      String name = String.format("batch-%04d", f);
      corpus.files.put(name + ".txt", text.get(f).toString().getBytes(StandardCharsets.UTF_8));
      if (!deleted.get(f).isEmpty()) {
        corpus.files.put(name + ".xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<PubmedArticleSet>\n" + deleted.get(f) + "</PubmedArticleSet>\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    corpus.files.values().removeIf(bytes -> bytes.length == 0);
    return corpus;
  }

  /** A MEDLINE text record whose title says its PMID and revision. */
  static String record(String pmid, int revision) {
    String revised = FIRST_REVISION.plusMonths(6L * (revision - 1)).toString().replace("-", "");
    return MedlineRecords.text(pmid, revised, title(pmid, revision), "");
  }

  static String title(String pmid, int revision) {
    return "Reliability record " + pmid + " revision " + revision + ".";
  }

  private void addBadInput(StringBuilder file) {
    String marker = "BADINPUT-" + badMarkers.size();
    badMarkers.add(marker);
    if (badMarkers.size() % 2 == 0) {
      file.append("PMID- ").append(marker).append("\nTI  - not a number\n\n");
    } else {
      // U+FFFD stands in for a byte that is not UTF-8; written below as 0xFF.
      file.append("PMID- ").append(FIRST_PMID - badMarkers.size())
          .append("\nTI  - ").append(marker).append(" \uFFFD\n\n");
    }
  }

  /** Writes file {@code name} into {@code dir} completely, then its {@code .done} marker. */
  void drop(String name, Path dir) throws IOException {
    Path part = dir.resolve(name + ".part");
    Files.write(part, withInvalidBytes(files.get(name)));
    Files.move(part, dir.resolve(name));
    Files.createFile(dir.resolve(name + ".done"));
  }

  private static byte[] withInvalidBytes(byte[] utf8) {
    byte[] replacement = "\uFFFD".getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[utf8.length];
    int n = 0;
    for (int i = 0; i < utf8.length; i++) {
      if (i + 2 < utf8.length && utf8[i] == replacement[0] && utf8[i + 1] == replacement[1]
          && utf8[i + 2] == replacement[2]) {
        out[n++] = (byte) 0xFF;
        i += 2;
      } else {
        out[n++] = utf8[i];
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  List<String> fileNames() {
    return List.copyOf(files.keySet());
  }

  Map<String, Integer> expected() {
    return expected;
  }

  Set<String> badMarkers() {
    return badMarkers;
  }

  String describe() {
    return expected.size() + deletes + " PMIDs in " + files.size() + " files: " + revised
        + " revised, " + stale + " stale revisions re-sent, " + deletes + " deleted, "
        + badMarkers.size() + " bad inputs; " + expected.size() + " expected in the store";
  }
}
