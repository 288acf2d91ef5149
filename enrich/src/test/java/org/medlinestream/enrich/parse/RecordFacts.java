package org.medlinestream.enrich.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a raw PubMed XML record says, found with plain regular expressions and string scans,
 * independently of the parser under test.
 */
final class RecordFacts {
  private static final Pattern PMID = Pattern.compile("<PMID[^>]*>\\s*(\\d+)\\s*</PMID>");
  private static final Pattern TITLE =
      Pattern.compile("(?s)<ArticleTitle[^>]*>(.*?)</ArticleTitle>");
  private static final Pattern VERNACULAR_TITLE =
      Pattern.compile("(?s)<Article[\\s>].*?<VernacularTitle[^>]*>(.*?)</VernacularTitle>");
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  private static final Pattern LOCATION_DOI =
      Pattern.compile("<ELocationID EIdType=\"doi\"[^>]*>([^<]*)</ELocationID>");
  private static final Pattern ARTICLE_ID_DOI =
      Pattern.compile("<ArticleId IdType=\"doi\">([^<]*)</ArticleId>");
  private static final Pattern ACCESSION =
      Pattern.compile("<AccessionNumber>([^<]*)</AccessionNumber>");
  private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

  private final String xml;

  RecordFacts(String xml) {
    this.xml = xml;
  }

  String pmid() {
    Matcher pmid = PMID.matcher(xml);
    return pmid.find() ? pmid.group(1) : null;
  }

  /** ArticleTitle without tags, entities decoded, white space collapsed; else the vernacular. */
  String title() {
    String title = first(TITLE, xml);
    return title != null ? title : first(VERNACULAR_TITLE, xml);
  }

  int count(String startTag) {
    return xml.split(Pattern.quote(startTag), -1).length - 1;
  }

  /** {@code <Author>} and {@code <Author ...>} elements. */
  int authors() {
    return count("<Author>") + count("<Author ");
  }

  int meshHeadings() {
    return count("<MeshHeading>");
  }

  List<String> locationDois() {
    return all(LOCATION_DOI, xml);
  }

  /** DOIs of the record's own ArticleIdList (not of its reference list). */
  List<String> articleIdDois() {
    int references = xml.indexOf("<ReferenceList");
    return all(ARTICLE_ID_DOI, references < 0 ? xml : xml.substring(0, references));
  }

  List<String> accessions() {
    return all(ACCESSION, xml);
  }

  private static String first(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      return null;
    }
    String plain = decode(TAG.matcher(matcher.group(1)).replaceAll(""));
    String collapsed = plain.replaceAll("[ \\t\\r\\n]+", " ").strip();
    return collapsed.isEmpty() ? null : collapsed;
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(decode(matcher.group(1)).strip());
    }
    return found;
  }

  private static String decode(String text) {
    Matcher reference = CHARACTER_REFERENCE.matcher(text);
    StringBuilder decoded = new StringBuilder();
    while (reference.find()) {
      int code = Integer.parseInt(reference.group(2), reference.group(1).isEmpty() ? 10 : 16);
      reference.appendReplacement(decoded, Matcher.quoteReplacement(Character.toString(code)));
    }
    reference.appendTail(decoded);
    return decoded
        .toString()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
