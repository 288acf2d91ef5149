package org.medlinestream.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.enrich.enrichment.Enricher;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.parse.MedlineTextParser;
import org.medlinestream.enrich.parse.MedlineTextWriter;
import org.medlinestream.enrich.parse.PubmedXmlParser;
import org.medlinestream.ingest.Source;
import org.medlinestream.ingest.SourceResolver;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.RecordReader;
import org.medlinestream.ingest.source.RecordReaders;
import org.medlinestream.ingest.source.RejectedInput;
import org.medlinestream.ingest.source.SourceItem;
import org.medlinestream.schemas.json.AvroJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medline-stream parse}: offline (no Kafka), parses and enriches records and prints one
 * JSON object per citation, or MEDLINE text. Errors name the file, line and record ({@code
 * file:line: record n (PMID p): problem}); they and the summary go to standard error.
 */
@Command(name = "parse",
    description = "Parses MEDLINE text and PubMed XML offline (no Kafka), enriches each citation "
        + "and prints it: one JSON object per line (the Avro record's JSON form), or MEDLINE text. "
        + "A DeleteCitation prints as {\"pmid\":...,\"deleted\":true}. Bad records are reported on "
        + "standard error and the others still come out; exit code 1 when any was bad.")
final class ParseCommand implements Callable<Integer> {
  /** Output forms. */
  enum Format { json, medline }

  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR|GLOB|-",
      description = "Files (.txt .nbib .medline .xml, also .gz), folders, globs, or - for stdin.")
  private List<String> inputs;

  @Option(names = "--format", defaultValue = "json",
      description = "json (default) or medline: MEDLINE text, as PubMed exports it.")
  private Format format;

  @Option(names = "--no-enrich", description = "Print the parsed citation without enrichment.")
  private boolean noEnrich;

  private final MedlineTextParser textParser = new MedlineTextParser();
  private final PubmedXmlParser xmlParser = new PubmedXmlParser();
  private final Enricher enricher = new Enricher();
  private final AvroJson json = AvroJson.omittingNulls();
  private final MedlineTextWriter medline = new MedlineTextWriter();
  private long records;
  private long deletes;
  private long errors;

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    List<Source> sources = new SourceResolver().resolve(inputs);
    for (Source source : sources) {
      parseSource(source, out);
    }
    out.flush();
    double seconds = (System.nanoTime() - start) / 1e9;
    spec.commandLine().getErr().printf(
        "parse: %d sources, %d records (%d deletes), %d errors in %.1f s%n",
        sources.size(), records, deletes, errors, seconds);
    return errors == 0 ? 0 : 1;
  }

  private void parseSource(Source source, PrintWriter out) throws IOException {
    try (InputStream in = source.open();
        RecordReader reader = RecordReaders.open(in, source.name())) {
      for (SourceItem item = reader.next(); item != null; item = reader.next()) {
        if (item instanceof RawRecord raw) {
          print(source, raw, out);
        } else if (item instanceof RejectedInput rejected) {
          error(source, rejected.line(), "record " + rejected.position(),
              withoutPlace(source.name(), rejected.reason()));
        }
      }
    } catch (IOException e) {
      error(source, 0, null, e.getMessage());
    }
  }

  private void print(Source source, RawRecord raw, PrintWriter out) throws IOException {
    records++;
    if (raw.isDelete()) {
      deletes++;
      if (format == Format.json) {
        out.println("{\"pmid\":\"" + raw.pmid() + "\",\"deleted\":true}");
      }
      return;
    }
    Citation citation;
    try {
      citation = raw.format() == RecordFormat.PUBMED_XML
          ? xmlParser.parse(raw.value())
          : textParser.parse(raw.value());
    } catch (MalformedRecordException e) {
      error(source, raw.line() + e.line() - 1,
          "record " + raw.position() + " (PMID " + raw.pmid() + ")", e.problem());
      return;
    }
    Citation result = noEnrich ? citation : enricher.enrich(citation);
    if (format == Format.json) {
      json.writeLine(result, out);
    } else {
      medline.write(result, out);
      out.println();
    }
  }

  /** Reports {@code file:line: record n (PMID p): problem}; line and record where known. */
  private void error(Source source, long line, String record, String problem) {
    errors++;
    spec.commandLine().getErr().println(source.name() + (line > 0 ? ":" + line : "") + ": "
        + (record == null ? "" : record + ": ") + problem);
  }

  /**
   * A reader's reason without the place it starts with ({@code name line 5: }, {@code name, line
   * 5: }, {@code name lines 5-9: }), which the report's {@code file:line} already gives.
   */
  private static String withoutPlace(String name, String reason) {
    int colon = reason.indexOf(": ", name.length());
    boolean place = reason.startsWith(name) && colon > 0
        && reason.substring(name.length(), colon).matches(",? lines? [0-9]+(-[0-9]+)?");
    return place ? reason.substring(colon + 2) : reason;
  }
}
