package org.medlinestream.ingest.source;

import static org.medlinestream.ingest.source.XmlByteScanner.ascii;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.ingest.source.XmlByteScanner.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits PubMed XML ({@code PubmedArticleSet}, {@code PubmedBookArticleSet} or the older {@code
 * MedlineCitationSet}) into raw records without building the citation model: each {@code
 * PubmedArticle}, {@code PubmedBookArticle} or {@code MedlineCitation} becomes a {@link RawRecord}
 * holding the element's bytes exactly as in the input, keyed by its {@code MedlineCitation/PMID}
 * (or {@code BookDocument/PMID}); each {@code DeleteCitation/PMID} becomes a delete (null value).
 *
 * <p>The input must be UTF-8 and already decompressed. It is scanned byte by byte, never decoded or
 * parsed into a tree, and nothing is ever fetched: a DOCTYPE is skipped, and one whose internal
 * subset declares entities makes the whole input refused. Records that are not well-formed, have no
 * valid PMID, are not UTF-8 or exceed the size bound come out as {@link RejectedInput} and the
 * records around them still come out. Memory stays flat whatever the input's size.
 */
public final class PubmedXmlReader implements RecordReader {
  /** Default bound on one record's size. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

  /** Deepest element nesting accepted in a record (PubMed records nest about 10 deep). */
  static final int MAX_DEPTH = 256;

  private static final Logger log = LoggerFactory.getLogger(PubmedXmlReader.class);
  private static final int SAMPLE_BYTES = 1024;
  private static final int MAX_PMID_DIGITS = 18;
  private static final byte[] PMID = ascii("PMID");
  private static final byte[] DELETE_CITATION = ascii("DeleteCitation");
  private static final byte[] XML = ascii("xml");
  private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([^\"']*)[\"']");

  private final XmlByteScanner scanner;
  private final InputStream in;
  private final String sourceName;
  private final int maxRecordBytes;

  private long position;
  private boolean rootSeen;
  private boolean contentSeen;
  private boolean finished;
  private final Deque<String> containers = new ArrayDeque<>();
  private byte[][] resyncTargets = RecordKind.resyncTargets(null);

  private RecordKind kind;
  private boolean inDelete;
  private int deletePmids;
  private long deleteLine;
  private int depth;
  private final int[] nameOffsets = new int[MAX_DEPTH + 1];
  private final int[] nameLengths = new int[MAX_DEPTH + 1];
  private int pmidTextOffset = -1;
  private String pmid;

  /** A reader with the default record bound ({@value #DEFAULT_MAX_RECORD_BYTES} bytes). */
  public PubmedXmlReader(InputStream in, String sourceName) {
    this(in, sourceName, DEFAULT_MAX_RECORD_BYTES);
  }

  /**
   * @param in the decompressed UTF-8 XML
   * @param sourceName the file name (or {@code -}) used in messages
   * @param maxRecordBytes records larger than this are refused (their first bytes are kept)
   */
  public PubmedXmlReader(InputStream in, String sourceName, int maxRecordBytes) {
    if (maxRecordBytes < 1024) {
      throw new IllegalArgumentException("maxRecordBytes must be at least 1024: " + maxRecordBytes);
    }
    this.in = in;
    this.sourceName = sourceName;
    this.maxRecordBytes = maxRecordBytes;
    this.scanner = new XmlByteScanner(in, maxRecordBytes);
  }

  @Override
  public SourceItem next() throws IOException {
    while (!finished) {
      SourceItem item;
      try {
        item = step();
      } catch (XmlSyntaxException e) {
        item = recover(e.getMessage());
      }
      if (item != null) {
        return item;
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private SourceItem step() throws IOException, XmlSyntaxException {
    if (kind == null && !scanner.marked()) {
      scanner.markHere();
    }
    Token token = scanner.next(!rootSeen);
    SourceItem item;
    if (kind != null) {
      item = inRecord(token);
    } else if (inDelete) {
      item = inDeleteCitation(token);
    } else {
      item = atTopLevel(token);
    }
    contentSeen |= token != Token.TEXT || !scanner.blank();
    return item;
  }

  // ---------------------------------------------------------------- outside records

  private SourceItem atTopLevel(Token token) throws IOException, XmlSyntaxException {
    switch (token) {
      case EOF:
        finished = true;
        if (!containers.isEmpty()) {
          return reject(
              "the input ends inside <"
                  + containers.peek()
                  + "> (truncated file?): records after this point are missing",
              scanner.line(),
              new byte[0]);
        }
        if (!rootSeen) {
          log.warn("{}: no XML element in the input", sourceName);
        }
        return null;
      case TEXT:
        if (scanner.blank()) {
          return harmless();
        }
        if (!rootSeen) {
          return refuseInput(
              "not XML: the input starts with text, not '<' (MEDLINE text needs the MEDLINE"
                  + " reader)");
        }
        return rejectMarked("text outside any record", scanner.tokenEnd());
      case COMMENT:
        return harmless();
      case PI:
        return atProcessingInstruction();
      case DOCTYPE:
        if (!containers.isEmpty()) {
          throw new XmlSyntaxException("a DOCTYPE inside the root element", scanner.tokenLine());
        }
        if (scanner.declaresEntities()) {
          return refuseInput(
              "the DOCTYPE declares entities (<!ENTITY ...> in its internal subset): entity"
                  + " declarations are refused, as they allow external entities and entity"
                  + " expansion; remove the internal subset");
        }
        return harmless();
      case CDATA:
        return rejectMarked("a CDATA section outside any record", scanner.tokenEnd());
      case START:
        return atStartTag();
      case END:
        if (containers.isEmpty() || !containers.peek().equals(scanner.name())) {
          throw new XmlSyntaxException(
              "unexpected end tag </" + scanner.name() + ">", scanner.tokenLine());
        }
        containers.pop();
        return harmless();
      default:
        throw new IllegalStateException(token.name());
    }
  }

  private SourceItem atStartTag() {
    boolean wasRoot = !rootSeen;
    rootSeen = true;
    String name = scanner.name();
    RecordKind recordKind = RecordKind.ofRecordElement(name);
    if (recordKind != null && containers.size() <= 1) {
      return startRecord(recordKind);
    }
    if (name.equals("DeleteCitation") && containers.size() <= 1) {
      return startDeleteCitation();
    }
    if (containers.isEmpty() && RecordKind.isSetElement(name)) {
      if (!scanner.selfClosing()) {
        containers.push(name);
        resyncTargets = RecordKind.resyncTargets(name);
      }
      return harmless();
    }
    if (wasRoot) {
      return refuseInput(
          "the root element <"
              + name
              + "> is not PubmedArticleSet, PubmedBookArticleSet, MedlineCitationSet or a"
              + " PubMed record: not PubMed XML");
    }
    return startRecord(RecordKind.UNKNOWN);
  }

  private SourceItem atProcessingInstruction() throws XmlSyntaxException {
    if (!scanner.nameIs(XML)) {
      return harmless();
    }
    if (contentSeen && !containers.isEmpty()) {
      throw new XmlSyntaxException(
          "an XML declaration (<?xml ...?>) inside the root element", scanner.tokenLine());
    }
    String declaration =
        new String(
            scanner.buffer(),
            scanner.tokenStart(),
            scanner.tokenEnd() - scanner.tokenStart(),
            StandardCharsets.UTF_8);
    Matcher encoding = ENCODING.matcher(declaration);
    if (encoding.find()) {
      String name = encoding.group(1).toUpperCase(Locale.ROOT);
      if (!(name.equals("UTF-8") || name.equals("UTF8") || name.contains("ASCII"))) {
        return refuseInput(
            "the XML declaration says encoding "
                + encoding.group(1)
                + "; only UTF-8 is read: convert the file (iconv -f "
                + encoding.group(1)
                + " -t UTF-8) and fix its declaration");
      }
    }
    return harmless();
  }

  /** Forgets the current token: it needs no record. */
  private SourceItem harmless() {
    scanner.release();
    return null;
  }

  // ---------------------------------------------------------------- records

  private SourceItem startRecord(RecordKind recordKind) {
    kind = recordKind;
    scanner.markAtToken();
    depth = 0;
    pmid = null;
    pmidTextOffset = -1;
    return openElement();
  }

  private SourceItem inRecord(Token token) throws XmlSyntaxException {
    switch (token) {
      case START:
        if (depth >= MAX_DEPTH) {
          throw new XmlSyntaxException(
              "elements nested more than " + MAX_DEPTH + " deep", scanner.tokenLine());
        }
        return openElement();
      case END:
        return closeElement();
      case EOF:
        finished = true;
        throw new XmlSyntaxException(
            "the input ends inside <"
                + kind.elementName(this)
                + "> (truncated file?): the record is incomplete",
            scanner.line());
      case DOCTYPE:
        throw new XmlSyntaxException("a DOCTYPE inside a record", scanner.tokenLine());
      default:
        return null;
    }
  }

  private SourceItem openElement() {
    int level = depth + 1;
    boolean kept = !scanner.overflowed();
    if (kept) {
      nameOffsets[level] = scanner.nameStart() - scanner.mark();
      nameLengths[level] = scanner.nameLength();
    }
    if (scanner.selfClosing()) {
      return depth == 0 ? finishRecord() : null;
    }
    depth = level;
    if (kept && pmid == null && pmidTextOffset < 0 && isKeyPmid()) {
      pmidTextOffset = scanner.tokenEnd() - scanner.mark();
    }
    return null;
  }

  private boolean isKeyPmid() {
    if (depth != kind.pmidDepth || !scanner.nameIs(PMID)) {
      return false;
    }
    if (kind.pmidParent == null) {
      return true;
    }
    int parent = depth - 1;
    byte[] buf = scanner.buffer();
    int at = scanner.mark() + nameOffsets[parent];
    return java.util.Arrays.equals(
        buf, at, at + nameLengths[parent], kind.pmidParent, 0, kind.pmidParent.length);
  }

  private SourceItem closeElement() throws XmlSyntaxException {
    if (!scanner.overflowed()) {
      if (!scanner.nameEquals(scanner.mark() + nameOffsets[depth], nameLengths[depth])) {
        String expected =
            new String(
                scanner.buffer(),
                scanner.mark() + nameOffsets[depth],
                nameLengths[depth],
                StandardCharsets.UTF_8);
        throw new XmlSyntaxException(
            "the end tag </" + scanner.name() + "> does not match <" + expected + ">",
            scanner.tokenLine());
      }
      if (pmidTextOffset >= 0 && depth == kind.pmidDepth) {
        int from = scanner.mark() + pmidTextOffset;
        pmid =
            new String(scanner.buffer(), from, scanner.tokenStart() - from, StandardCharsets.UTF_8)
                .strip();
        pmidTextOffset = -1;
      }
    }
    depth--;
    return depth == 0 ? finishRecord() : null;
  }

  private SourceItem finishRecord() {
    RecordKind done = kind;
    String key = pmid;
    long line = scanner.markLine();
    boolean tooLarge = scanner.exceedsBound(scanner.tokenEnd());
    String name = done.elementName(this);
    byte[] bytes = scanner.take(scanner.tokenEnd());
    kind = null;
    if (tooLarge) {
      return reject(
          "<"
              + name
              + "> is larger than "
              + maxRecordBytes
              + " bytes, the bound on one record; its first "
              + maxRecordBytes
              + " bytes are kept",
          line,
          bytes);
    }
    if (done == RecordKind.UNKNOWN) {
      return reject(
          "<"
              + name
              + "> is not a PubMed record (PubmedArticle, PubmedBookArticle, "
              + "MedlineCitation or DeleteCitation)",
          line,
          bytes);
    }
    String problem = pmidProblem(key, done);
    if (problem != null) {
      return reject(problem, line, bytes);
    }
    if (done == RecordKind.DELETED_PMID) {
      deletePmids++;
      return new RawRecord(key, RecordFormat.PUBMED_XML, null, ++position, line);
    }
    return new RawRecord(key, RecordFormat.PUBMED_XML, bytes, ++position, line);
  }

  private static String pmidProblem(String key, RecordKind kind) {
    if (key == null) {
      return "no PMID: the record has no " + kind.pmidPath;
    }
    if (key.isEmpty()
        || key.length() > MAX_PMID_DIGITS
        || key.charAt(0) == '0'
        || !key.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return "the PMID '" + abbreviate(key) + "' is not a positive integer";
    }
    return null;
  }

  // ---------------------------------------------------------------- DeleteCitation

  private SourceItem startDeleteCitation() {
    scanner.release();
    if (scanner.selfClosing()) {
      return reject("an empty DeleteCitation: no PMID", scanner.tokenLine(), new byte[0]);
    }
    inDelete = true;
    deletePmids = 0;
    deleteLine = scanner.tokenLine();
    return null;
  }

  private SourceItem inDeleteCitation(Token token) throws XmlSyntaxException {
    switch (token) {
      case START:
        return startRecord(scanner.nameIs(PMID) ? RecordKind.DELETED_PMID : RecordKind.UNKNOWN);
      case END:
        if (!scanner.nameIs(DELETE_CITATION)) {
          throw new XmlSyntaxException(
              "unexpected end tag </" + scanner.name() + "> in DeleteCitation",
              scanner.tokenLine());
        }
        inDelete = false;
        scanner.release();
        return deletePmids == 0
            ? reject("an empty DeleteCitation: no PMID", deleteLine, new byte[0])
            : null;
      case TEXT:
        if (!scanner.blank()) {
          return rejectMarked("text in DeleteCitation outside PMID", scanner.tokenEnd());
        }
        return harmless();
      case EOF:
        finished = true;
        throw new XmlSyntaxException(
            "the input ends inside DeleteCitation (truncated file?)", scanner.line());
      case DOCTYPE:
        throw new XmlSyntaxException("a DOCTYPE inside DeleteCitation", scanner.tokenLine());
      default:
        return harmless();
    }
  }

  // ---------------------------------------------------------------- refused input

  /**
   * Refuses the record (or top-level token) that holds a syntax error, skipping to the next record
   * so that the ones after it still come out. Before the root element, refuses the whole input.
   */
  private SourceItem recover(String problem) throws IOException {
    if (!rootSeen) {
      return refuseInput(problem);
    }
    long line = scanner.markLine();
    String where = kind != null ? "<" + kind.elementName(this) + ">: " : "";
    kind = null;
    inDelete = false;
    scanner.skipTo(resyncTargets);
    byte[] bytes = scanner.take(scanner.position());
    return reject(where + problem + "; skipped to line " + scanner.line(), line, bytes);
  }

  private SourceItem rejectMarked(String problem, int end) {
    long line = scanner.markLine();
    return reject(problem, line, scanner.take(end));
  }

  /** Refuses the whole input: one rejected item with a sample of it, then the end. */
  private SourceItem refuseInput(String problem) {
    finished = true;
    long line = scanner.marked() ? scanner.markLine() : scanner.tokenLine();
    byte[] sample;
    try {
      if (!scanner.marked()) {
        scanner.markAtToken();
      }
      scanner.advanceUpTo(SAMPLE_BYTES);
      sample = scanner.take(scanner.position());
    } catch (IOException | XmlSyntaxException e) {
      sample = scanner.take(scanner.position());
    }
    log.warn("{}: input refused: {}", sourceName, problem);
    return reject("the whole input is refused: " + problem, line, sample);
  }

  private SourceItem reject(String problem, long line, byte[] bytes) {
    String reason = sourceName + ", line " + line + ": " + problem;
    log.debug("rejected: {}", reason);
    return new RejectedInput(++position, line, reason, bytes);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  /** The record elements, with where their key PMID is. */
  private enum RecordKind {
    PUBMED_ARTICLE("PubmedArticle", 3, "MedlineCitation", "MedlineCitation/PMID"),
    PUBMED_BOOK_ARTICLE("PubmedBookArticle", 3, "BookDocument", "BookDocument/PMID"),
    MEDLINE_CITATION("MedlineCitation", 2, "MedlineCitation", "PMID"),
    DELETED_PMID("PMID", 1, null, "PMID"),
    UNKNOWN(null, 0, null, null);

    final String element;
    final int pmidDepth;
    final byte[] pmidParent;
    final String pmidPath;

    RecordKind(String element, int pmidDepth, String pmidParent, String pmidPath) {
      this.element = element;
      this.pmidDepth = pmidDepth;
      this.pmidParent = pmidParent == null ? null : ascii(pmidParent);
      this.pmidPath = pmidPath;
    }

    String elementName(PubmedXmlReader reader) {
      if (element != null) {
        return element;
      }
      XmlByteScanner scanner = reader.scanner;
      return scanner.overflowed()
          ? "element"
          : new String(
              scanner.buffer(),
              scanner.mark() + reader.nameOffsets[1],
              reader.nameLengths[1],
              StandardCharsets.UTF_8);
    }

    static RecordKind ofRecordElement(String name) {
      switch (name) {
        case "PubmedArticle":
          return PUBMED_ARTICLE;
        case "PubmedBookArticle":
          return PUBMED_BOOK_ARTICLE;
        case "MedlineCitation":
          return MEDLINE_CITATION;
        default:
          return null;
      }
    }

    static boolean isSetElement(String name) {
      return name.equals("PubmedArticleSet")
          || name.equals("PubmedBookArticleSet")
          || name.equals("MedlineCitationSet");
    }

    /** Where to start again after a broken record in a set named {@code set}. */
    static byte[][] resyncTargets(String set) {
      if (set == null) {
        return new byte[0][];
      }
      if (set.equals("MedlineCitationSet")) {
        return new byte[][] {
          ascii("<MedlineCitation"), ascii("<DeleteCitation"), ascii("</MedlineCitationSet")
        };
      }
      return new byte[][] {
        ascii("<PubmedArticle"),
        ascii("<PubmedBookArticle"),
        ascii("<DeleteCitation"),
        ascii("</" + set)
      };
    }
  }
}
