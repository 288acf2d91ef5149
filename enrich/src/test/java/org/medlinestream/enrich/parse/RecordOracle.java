package org.medlinestream.enrich.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file says about its records, read with plain line matching and no parser code: the lines
 * from a {@code PMID-} line to the next one or to a blank line, counted and cut by tag.
 */
record RecordOracle(
    String pmid,
    String titleLetters,
    int authors,
    int meshHeadings,
    List<String> dois,
    List<String> accessions) {

  private static final Pattern TAG_LINE = Pattern.compile("^([A-Z]{2,4}) *- ?(.*)$");

  static List<RecordOracle> of(Path file) throws IOException {
    List<RecordOracle> records = new ArrayList<>();
    List<String> block = null;
    for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\r?\n")) {
      if (line.startsWith("PMID-") || line.isBlank()) {
        if (block != null) {
          records.add(of(block));
        }
        block = line.isBlank() ? null : new ArrayList<>();
      }
      if (block != null) {
        block.add(line);
      }
    }
    if (block != null) {
      records.add(of(block));
    }
    return records;
  }

  private static RecordOracle of(List<String> lines) {
    String pmid = lines.get(0).substring(5).trim();
    StringBuilder title = new StringBuilder();
    StringBuilder vernacular = new StringBuilder();
    int fullNames = 0;
    int shortNames = 0;
    int groups = 0;
    int mesh = 0;
    List<String> dois = new ArrayList<>();
    List<String> accessions = new ArrayList<>();
    String tag = "";
    for (String line : lines) {
      Matcher m = TAG_LINE.matcher(line);
      String text = line.trim();
      if (m.matches()) {
        tag = m.group(1);
        text = m.group(2).trim();
        switch (tag) {
          case "FAU" -> fullNames++;
          case "AU" -> shortNames++;
          case "CN" -> groups++;
          case "MH" -> mesh++;
          case "LID", "AID" -> {
            if (text.endsWith(" [doi]")) {
              dois.add(text.substring(0, text.length() - 6));
            }
          }
          case "SI" -> {
            if (text.contains("/")) {
              accessions.add(text.substring(text.indexOf('/') + 1));
            }
          }
          default -> {}
        }
      }
      if (tag.equals("TI")) {
        title.append(text);
      } else if (tag.equals("TT")) {
        vernacular.append(text);
      }
    }
    String letters = (title.length() > 0 ? title : vernacular).toString().replaceAll("\\s", "");
    return new RecordOracle(
        pmid, letters, (fullNames > 0 ? fullNames : shortNames) + groups, mesh, dois, accessions);
  }
}
