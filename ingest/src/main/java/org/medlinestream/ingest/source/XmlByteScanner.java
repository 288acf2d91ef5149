package org.medlinestream.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a stream of UTF-8 XML into markup tokens (tags, text, comments, CDATA, processing
 * instructions, DOCTYPE) without decoding it, checking as it goes that the bytes are valid UTF-8
 * XML characters and that markup is well-formed token by token (nesting is the caller's concern).
 *
 * <p>Memory is bounded: the buffer keeps only the current token and, from {@link #markHere()} or
 * {@link #markAtToken()} on, the bytes the caller wants to keep, up to {@code maxRetained} bytes;
 * past that the first {@code maxRetained} bytes are set aside and the rest is dropped ({@link
 * #overflowed()}). Indexes into {@link #buffer()} are valid until the next call that reads.
 */
final class XmlByteScanner {

  /** The kinds of token. */
  enum Token {
    START,
    END,
    TEXT,
    COMMENT,
    CDATA,
    PI,
    DOCTYPE,
    EOF
  }

  private static final int CHUNK = 64 * 1024;
  private static final byte[] COMMENT_OPEN = ascii("<!--");
  private static final byte[] CDATA_OPEN = ascii("<![CDATA[");
  private static final byte[] DOCTYPE_OPEN = ascii("<!DOCTYPE");
  private static final byte[] ENTITY_DECL = ascii("<!ENTITY");

  private final InputStream in;
  private final int maxRetained;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean started;
  private long line = 1;

  private int mark = -1;
  private long markLine;
  private int protect = -1;
  private byte[] overflowPrefix;

  private Token token;
  private int tokenStart;
  private int tokenEnd;
  private int nameStart;
  private int nameEnd;
  private long tokenLine;
  private boolean selfClosing;
  private boolean blank;
  private boolean declaresEntities;

  XmlByteScanner(InputStream in, int maxRetained) {
    this.in = in;
    this.maxRetained = maxRetained;
    this.buf = new byte[Math.min(4 * CHUNK, maxRetained + CHUNK)];
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  // ---------------------------------------------------------------- token accessors

  byte[] buffer() {
    return buf;
  }

  Token token() {
    return token;
  }

  int tokenStart() {
    return tokenStart;
  }

  int tokenEnd() {
    return tokenEnd;
  }

  long tokenLine() {
    return tokenLine;
  }

  /** Current line: where the next token starts. */
  long line() {
    return line;
  }

  int nameStart() {
    return nameStart;
  }

  int nameLength() {
    return nameEnd - nameStart;
  }

  String name() {
    return new String(buf, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8);
  }

  /** Whether the current tag's (or PI target's) name is {@code name}. */
  boolean nameIs(byte[] name) {
    return Arrays.equals(buf, nameStart, nameEnd, name, 0, name.length);
  }

  /** Whether the current tag's name equals the {@code length} bytes at buffer index {@code at}. */
  boolean nameEquals(int at, int length) {
    return Arrays.equals(buf, nameStart, nameEnd, buf, at, at + length);
  }

  /** A START tag that ends in {@code />}. */
  boolean selfClosing() {
    return selfClosing;
  }

  /** A TEXT token of white space only. */
  boolean blank() {
    return blank;
  }

  /** A DOCTYPE whose internal subset declares entities. */
  boolean declaresEntities() {
    return declaresEntities;
  }

  // ---------------------------------------------------------------- kept bytes

  /** Keeps the bytes from the next token on. */
  void markHere() {
    mark = pos;
    markLine = line;
    overflowPrefix = null;
  }

  /** Keeps the bytes from the current token on. */
  void markAtToken() {
    mark = tokenStart;
    markLine = tokenLine;
    overflowPrefix = null;
  }

  boolean marked() {
    return mark >= 0 || overflowPrefix != null;
  }

  /** Buffer index of the mark; meaningful while {@link #marked()} and not {@link #overflowed()}. */
  int mark() {
    return mark;
  }

  long markLine() {
    return markLine;
  }

  /** The kept bytes grew past the bound: only their first {@code maxRetained} bytes remain. */
  boolean overflowed() {
    return overflowPrefix != null;
  }

  /** Whether the kept bytes up to buffer index {@code end} are more than {@code maxRetained}. */
  boolean exceedsBound(int end) {
    return overflowPrefix != null || (mark >= 0 && end - mark > maxRetained);
  }

  /**
   * The kept bytes up to buffer index {@code end}, at most the first {@code maxRetained} of them,
   * and forgets the mark.
   */
  byte[] take(int end) {
    byte[] taken =
        overflowPrefix != null
            ? overflowPrefix
            : mark >= 0
                ? Arrays.copyOfRange(buf, mark, Math.max(mark, Math.min(end, mark + maxRetained)))
                : new byte[0];
    release();
    return taken;
  }

  void release() {
    mark = -1;
    overflowPrefix = null;
  }

  /** Buffer index of the next byte to scan. */
  int position() {
    return pos;
  }

  /** Passes up to {@code n} bytes unchecked (to keep a sample of input that is refused). */
  void advanceUpTo(int n) throws IOException, XmlSyntaxException {
    ensure(n);
    pos = Math.min(limit, pos + n);
  }

  // ---------------------------------------------------------------- scanning

  /**
   * The next token. In {@code prolog} mode a text token stops at its first non-blank byte, so that
   * input which is not XML is recognised without reading it all.
   */
  Token next(boolean prolog) throws IOException, XmlSyntaxException {
    protect = -1;
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
    tokenStart = pos;
    tokenLine = line;
    if (pos >= limit && !fill()) {
      tokenEnd = pos;
      return token = Token.EOF;
    }
    if (buf[pos] != '<') {
      return token = scanText(prolog);
    }
    protect = pos;
    if (!ensure(2)) {
      throw error("the input ends after '<'");
    }
    byte c = buf[pos + 1];
    if (c == '/') {
      return token = scanEndTag();
    }
    if (c == '?') {
      return token = scanProcessingInstruction();
    }
    if (c == '!') {
      ensure(DOCTYPE_OPEN.length);
      if (startsWith(COMMENT_OPEN)) {
        return token = scanComment();
      }
      if (startsWith(CDATA_OPEN)) {
        return token = scanCdata();
      }
      if (startsWith(DOCTYPE_OPEN)) {
        return token = scanDoctype();
      }
      throw error("'<!' is not the start of a comment, CDATA section or DOCTYPE");
    }
    if (isNameStart(c)) {
      return token = scanStartTag();
    }
    throw error("'<' is not followed by an element name (write '&lt;' for a literal '<')");
  }

  /**
   * Skips raw bytes, without checking them, up to the next {@code <} that starts one of {@code
   * targets} (each a tag opening such as {@code <PubmedArticle} or {@code </PubmedArticleSet})
   * followed by white space, {@code >} or {@code /}; or to the end of the input.
   */
  void skipTo(byte[][] targets) throws IOException {
    protect = -1;
    try {
      while (true) {
        if (pos >= limit && !fill()) {
          return;
        }
        byte b = buf[pos];
        if (b == '<' && startsAny(targets)) {
          return;
        }
        if (b == '\n') {
          line++;
        }
        pos++;
      }
    } catch (XmlSyntaxException unreachable) {
      throw new IllegalStateException("nothing is protected while skipping", unreachable);
    }
  }

  private boolean startsAny(byte[][] targets) throws IOException, XmlSyntaxException {
    for (byte[] target : targets) {
      if (ensure(target.length + 1) && startsWith(target)) {
        byte after = buf[pos + target.length];
        if (after == '>' || after == '/' || isSpace(after)) {
          return true;
        }
      }
    }
    return false;
  }

  private void skipByteOrderMark() throws IOException, XmlSyntaxException {
    ensure(3);
    if (limit - pos >= 3
        && buf[pos] == (byte) 0xEF
        && buf[pos + 1] == (byte) 0xBB
        && buf[pos + 2] == (byte) 0xBF) {
      pos += 3;
    } else if (limit - pos >= 2
        && ((buf[pos] == (byte) 0xFE && buf[pos + 1] == (byte) 0xFF)
            || (buf[pos] == (byte) 0xFF && buf[pos + 1] == (byte) 0xFE))) {
      throw error("the input is UTF-16; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)");
    }
  }

  private Token scanText(boolean prolog) throws IOException, XmlSyntaxException {
    boolean allBlank = true;
    int i = pos;
    while (true) {
      if (i >= limit) {
        pos = i;
        if (!fill()) {
          break;
        }
        i = pos;
        continue;
      }
      byte b = buf[i];
      if (b == '<') {
        break;
      }
      if (b > ' ') {
        if (prolog) {
          allBlank = false;
          break;
        }
        allBlank = false;
        if (b == '&') {
          pos = i;
          scanReference();
          i = pos;
        } else {
          i++;
        }
      } else if (b == ' ') {
        i++;
      } else if (b < 0) {
        if (prolog) {
          allBlank = false;
          break;
        }
        allBlank = false;
        pos = i;
        scanMultibyte();
        i = pos;
      } else {
        if (b == '\n') {
          line++;
        } else if (b != '\t' && b != '\r') {
          pos = i;
          throw controlCharacter(b);
        }
        i++;
      }
    }
    pos = i;
    tokenEnd = i;
    blank = allBlank;
    return Token.TEXT;
  }

  private Token scanStartTag() throws IOException, XmlSyntaxException {
    pos++;
    scanName();
    selfClosing = false;
    while (true) {
      boolean spaced = skipSpace();
      int b = peek();
      if (b == '>') {
        pos++;
        break;
      }
      if (b == '/') {
        pos++;
        if (peek() != '>') {
          throw error("'/' in a tag must be followed by '>'");
        }
        pos++;
        selfClosing = true;
        break;
      }
      if (b < 0) {
        throw error("the input ends inside the tag <" + name() + ">");
      }
      if (!spaced || !isNameStart((byte) b)) {
        throw error("malformed attribute in the tag <" + name() + ">");
      }
      scanAttribute();
    }
    tokenEnd = pos;
    return Token.START;
  }

  private void scanAttribute() throws IOException, XmlSyntaxException {
    skipName();
    skipSpace();
    if (peek() != '=') {
      throw error("an attribute in the tag <" + name() + "> has no '=' and value");
    }
    pos++;
    skipSpace();
    int quote = peek();
    if (quote != '"' && quote != '\'') {
      throw error("an attribute value in the tag <" + name() + "> is not quoted");
    }
    pos++;
    while (true) {
      int b = peek();
      if (b == quote) {
        pos++;
        return;
      }
      if (b == '<') {
        throw error("'<' inside an attribute value of the tag <" + name() + ">");
      }
      if (b == '&') {
        scanReference();
      } else if (b < 0) {
        throw error("the input ends inside an attribute value of the tag <" + name() + ">");
      } else {
        scanChar(b);
      }
    }
  }

  private Token scanEndTag() throws IOException, XmlSyntaxException {
    pos += 2;
    if (!isNameStart((byte) peek())) {
      throw error("'</' is not followed by an element name");
    }
    scanName();
    skipSpace();
    if (peek() != '>') {
      throw error("the end tag </" + name() + " is not closed by '>'");
    }
    pos++;
    tokenEnd = pos;
    return Token.END;
  }

  private Token scanProcessingInstruction() throws IOException, XmlSyntaxException {
    pos += 2;
    if (!isNameStart((byte) peek())) {
      throw error("'<?' is not followed by a processing-instruction target");
    }
    scanName();
    scanUntil('?', '>', "processing instruction");
    return Token.PI;
  }

  private Token scanComment() throws IOException, XmlSyntaxException {
    pos += COMMENT_OPEN.length;
    while (true) {
      int b = peek();
      if (b == '-' && ensure(2) && buf[pos + 1] == '-') {
        if (!ensure(3) || buf[pos + 2] != '>') {
          throw error("'--' inside a comment (comments end with '-->')");
        }
        pos += 3;
        tokenEnd = pos;
        return Token.COMMENT;
      }
      if (b < 0) {
        throw error("the input ends inside a comment (no '-->')");
      }
      scanChar(b);
    }
  }

  private Token scanCdata() throws IOException, XmlSyntaxException {
    pos += CDATA_OPEN.length;
    scanUntil(']', ']', "CDATA section");
    if (peek() != '>') {
      throw error("']]' inside a CDATA section must end it with ']]>'");
    }
    pos++;
    tokenEnd = pos;
    return Token.CDATA;
  }

  /** Scans characters up to and including the two-byte terminator {@code first second}. */
  private void scanUntil(char first, char second, String what)
      throws IOException, XmlSyntaxException {
    while (true) {
      int b = peek();
      if (b == first && ensure(2) && buf[pos + 1] == second) {
        pos += 2;
        tokenEnd = pos;
        return;
      }
      if (b < 0) {
        throw error("the input ends inside a " + what);
      }
      scanChar(b);
    }
  }

  private Token scanDoctype() throws IOException, XmlSyntaxException {
    pos += DOCTYPE_OPEN.length;
    declaresEntities = false;
    boolean inSubset = false;
    int quote = 0;
    while (true) {
      int b = peek();
      if (b < 0) {
        throw error("the input ends inside the DOCTYPE");
      }
      if (quote != 0) {
        if (b == quote) {
          quote = 0;
        }
      } else if (b == '"' || b == '\'') {
        quote = b;
      } else if (b == '[') {
        inSubset = true;
      } else if (b == ']') {
        inSubset = false;
      } else if (b == '>' && !inSubset) {
        pos++;
        tokenEnd = pos;
        return Token.DOCTYPE;
      } else if (b == '<' && inSubset) {
        ensure(ENTITY_DECL.length);
        if (startsWith(COMMENT_OPEN)) {
          scanComment();
          continue;
        }
        declaresEntities |= startsWith(ENTITY_DECL);
      }
      scanChar(b);
    }
  }

  private void scanName() throws IOException, XmlSyntaxException {
    nameStart = pos;
    skipName();
    nameEnd = pos;
  }

  private void skipName() throws IOException, XmlSyntaxException {
    while (true) {
      int b = peek();
      if (b >= 0x80) {
        scanMultibyte();
      } else if (isNameChar(b)) {
        pos++;
      } else {
        return;
      }
    }
  }

  /** Skips XML white space; true when there was any. */
  private boolean skipSpace() throws IOException, XmlSyntaxException {
    boolean any = false;
    while (true) {
      int b = peek();
      if (b == '\n') {
        line++;
      } else if (b != ' ' && b != '\t' && b != '\r') {
        return any;
      }
      any = true;
      pos++;
    }
  }

  /** Checks and passes one character whose first byte {@code b} (0-255) is at {@code pos}. */
  private void scanChar(int b) throws IOException, XmlSyntaxException {
    if (b >= 0x80) {
      scanMultibyte();
    } else if (b >= ' ') {
      pos++;
    } else {
      if (b == '\n') {
        line++;
      } else if (b != '\t' && b != '\r') {
        throw controlCharacter((byte) b);
      }
      pos++;
    }
  }

  /** Checks and passes one UTF-8 multi-byte sequence at {@code pos}. */
  private void scanMultibyte() throws IOException, XmlSyntaxException {
    ensure(4);
    int b0 = buf[pos] & 0xFF;
    int extra;
    int min1 = 0x80;
    int max1 = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      extra = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      extra = 2;
      if (b0 == 0xE0) {
        min1 = 0xA0;
      } else if (b0 == 0xED) {
        max1 = 0x9F;
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      extra = 3;
      if (b0 == 0xF0) {
        min1 = 0x90;
      } else if (b0 == 0xF4) {
        max1 = 0x8F;
      }
    } else {
      throw invalidUtf8();
    }
    if (limit - pos <= extra) {
      throw invalidUtf8();
    }
    int b1 = buf[pos + 1] & 0xFF;
    if (b1 < min1 || b1 > max1) {
      throw invalidUtf8();
    }
    for (int k = 2; k <= extra; k++) {
      if ((buf[pos + k] & 0xC0) != 0x80) {
        throw invalidUtf8();
      }
    }
    if (b0 == 0xEF && b1 == 0xBF && (buf[pos + 2] & 0xFE) == 0xBE) {
      throw error("U+FFFE and U+FFFF are not XML characters");
    }
    pos += extra + 1;
  }

  /** Checks and passes an entity or character reference at {@code pos} ('&'). */
  private void scanReference() throws IOException, XmlSyntaxException {
    ensure(16);
    int end = pos + 1;
    int max = Math.min(limit, pos + 16);
    while (end < max && buf[end] != ';' && buf[end] != '<' && !isSpace(buf[end])) {
      end++;
    }
    if (end >= max || buf[end] != ';') {
      throw error("'&' does not start a reference such as &amp; (write '&amp;' for a literal '&')");
    }
    String ref = new String(buf, pos + 1, end - pos - 1, StandardCharsets.ISO_8859_1);
    if (ref.startsWith("#")) {
      if (!isXmlChar(characterReference(ref))) {
        throw error("&" + ref + "; is not a valid XML character reference");
      }
    } else if (!(ref.equals("amp")
        || ref.equals("lt")
        || ref.equals("gt")
        || ref.equals("quot")
        || ref.equals("apos"))) {
      throw error(
          "&"
              + ref
              + "; is not one of the five predefined XML entities; other entity references are"
              + " refused (PubMed XML has none)");
    }
    pos = end + 1;
  }

  private static int characterReference(String ref) {
    try {
      return ref.startsWith("#x")
          ? Integer.parseInt(ref.substring(2), 16)
          : Integer.parseInt(ref.substring(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean isXmlChar(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  // ---------------------------------------------------------------- buffer

  /** The byte at {@code pos} as 0-255, or -1 at the end of the input. */
  private int peek() throws IOException, XmlSyntaxException {
    if (pos >= limit && !fill()) {
      return -1;
    }
    return buf[pos] & 0xFF;
  }

  private boolean startsWith(byte[] prefix) {
    return limit - pos >= prefix.length
        && Arrays.equals(buf, pos, pos + prefix.length, prefix, 0, prefix.length);
  }

  /** Makes {@code n} bytes available from {@code pos} unless the input ends first. */
  private boolean ensure(int n) throws IOException, XmlSyntaxException {
    while (limit - pos < n) {
      if (!fill()) {
        return false;
      }
    }
    return true;
  }

  private boolean fill() throws IOException, XmlSyntaxException {
    if (eof) {
      return false;
    }
    if (limit == buf.length) {
      makeRoom();
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  private void makeRoom() throws XmlSyntaxException {
    compact();
    if (limit < buf.length) {
      return;
    }
    if (mark >= 0 && limit - mark >= maxRetained) {
      overflowPrefix = Arrays.copyOfRange(buf, mark, mark + maxRetained);
      mark = -1;
      compact();
      if (limit < buf.length) {
        return;
      }
    }
    if (protect >= 0 && limit - protect >= maxRetained) {
      throw error("a single markup token is longer than " + maxRetained + " bytes");
    }
    buf = Arrays.copyOf(buf, (int) Math.min(2L * buf.length, (long) maxRetained + CHUNK));
  }

  /** Drops the bytes nobody needs any more, moving the rest to the start of the buffer. */
  private void compact() {
    int keep = pos;
    if (mark >= 0) {
      keep = Math.min(keep, mark);
    }
    if (protect >= 0) {
      keep = Math.min(keep, protect);
    }
    if (keep == 0) {
      return;
    }
    System.arraycopy(buf, keep, buf, 0, limit - keep);
    limit -= keep;
    pos -= keep;
    if (mark >= 0) {
      mark -= keep;
    }
    if (protect >= 0) {
      protect -= keep;
    }
    tokenStart -= keep;
    tokenEnd -= keep;
    nameStart -= keep;
    nameEnd -= keep;
  }

  // ---------------------------------------------------------------- characters and errors

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\t' || b == '\r';
  }

  private static boolean isNameStart(byte b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == '_' || b == ':' || b < 0;
  }

  private static boolean isNameChar(int b) {
    return (b >= 'A' && b <= 'Z')
        || (b >= 'a' && b <= 'z')
        || (b >= '0' && b <= '9')
        || b == '_'
        || b == ':'
        || b == '-'
        || b == '.';
  }

  private XmlSyntaxException invalidUtf8() {
    return error(
        String.format("invalid UTF-8 (byte 0x%02X); the input must be UTF-8 XML", buf[pos] & 0xFF));
  }

  private XmlSyntaxException controlCharacter(byte b) {
    return error(
        String.format(
            "control character 0x%02X, which XML does not allow (binary data, or a compressed"
                + " file read as XML?)",
            b));
  }

  private XmlSyntaxException error(String message) {
    return new XmlSyntaxException(message, line);
  }
}
