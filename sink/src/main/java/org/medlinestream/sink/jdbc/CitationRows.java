package org.medlinestream.sink.jdbc;

import static org.medlinestream.sink.jdbc.Tables.ARTICLE_IDS;
import static org.medlinestream.sink.jdbc.Tables.CHEMICALS;
import static org.medlinestream.sink.jdbc.Tables.CITATIONS;
import static org.medlinestream.sink.jdbc.Tables.COMMENTS_CORRECTIONS;
import static org.medlinestream.sink.jdbc.Tables.DATA_LINKS;
import static org.medlinestream.sink.jdbc.Tables.GRANTS;
import static org.medlinestream.sink.jdbc.Tables.KEYWORDS;
import static org.medlinestream.sink.jdbc.Tables.MESH_HEADINGS;
import static org.medlinestream.sink.jdbc.Tables.MESH_QUALIFIERS;
import static org.medlinestream.sink.jdbc.Tables.PUBLICATION_TYPES;
import static org.medlinestream.sink.jdbc.Tables.TRIAL_REGISTRATIONS;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Chemical;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.CommentCorrection;
import org.medlinestream.avro.DataLink;
import org.medlinestream.avro.Doi;
import org.medlinestream.avro.Enrichment;
import org.medlinestream.avro.Evidence;
import org.medlinestream.avro.Flags;
import org.medlinestream.avro.Grant;
import org.medlinestream.avro.Issn;
import org.medlinestream.avro.Journal;
import org.medlinestream.avro.Keyword;
import org.medlinestream.avro.MeshHeading;
import org.medlinestream.avro.MeshQualifier;
import org.medlinestream.avro.PartialDate;
import org.medlinestream.avro.Provenance;
import org.medlinestream.avro.TrialRegistration;
import org.medlinestream.schemas.json.AvroJson;

/**
 * One citation as rows of the relational layout ({@link Tables}), with its revision and content
 * hash. The content hash is the SHA-256 of the citation's JSON without {@code provenance}, so a
 * citation read again from another file or offset has the same hash.
 *
 * <p>The JSON is written once, streamed to UTF-8 bytes, and stored as those bytes (JSON columns
 * hold UTF-8 bytes; see {@link Dialect#bindJson}): the hash covers them less the {@code
 * provenance} field's (its comma, name and value), which is exactly the JSON of the citation
 * without it.
 */
final class CitationRows {
  private static final AvroJson JSON = AvroJson.omittingNulls();
  private static final JsonFactory JSON_FACTORY = new JsonFactory();
  private static final int PROVENANCE = Citation.SCHEMA$.getField("provenance").pos();
  private static final int FIELDS = Citation.SCHEMA$.getFields().size();

  /**
   * Maps citations to rows with one JSON generator and buffer for all of them (a generator costs
   * more to make than a small citation to write). One thread at a time.
   */
  static final class Mapper {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
    private final JsonGenerator out;

    Mapper() {
      try {
        out = JSON_FACTORY.createGenerator(buffer);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.setRootValueSeparator(null);
    }

    CitationRows map(Citation citation, Instant updatedAt) {
      return new CitationRows(citation, updatedAt, this);
    }

    /** The JSON of fields [from, to) of the citation's object, written so far, as UTF-8 bytes. */
    private int writeFields(Citation citation, int from, int to) throws IOException {
      JSON.writeFields(citation, from, to, out);
      out.flush();
      return buffer.size();
    }

    /** Takes the buffer's bytes, leaving it empty for the next document. */
    private byte[] take() throws IOException {
      out.flush();
      byte[] bytes = buffer.toByteArray();
      buffer.reset();
      return bytes;
    }
  }

  private final String pmid;
  private final String revision;
  private final String contentHash;
  private final RowBatch rows = new RowBatch();
  private final Mapper mapper;

  private CitationRows(Citation citation, Instant updatedAt, Mapper mapper) {
    this.mapper = mapper;
    pmid = citation.getPmid();
    revision = Revision.of(citation);
    int provenanceStart;
    int provenanceEnd;
    byte[] document;
    try {
      mapper.out.writeStartObject();
      provenanceStart = mapper.writeFields(citation, 0, PROVENANCE);
      provenanceEnd = mapper.writeFields(citation, PROVENANCE, PROVENANCE + 1);
      mapper.writeFields(citation, PROVENANCE + 1, FIELDS);
      mapper.out.writeEndObject();
      document = mapper.take();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MessageDigest sha256 = sha256();
    sha256.update(document, 0, provenanceStart);
    sha256.update(document, provenanceEnd, document.length - provenanceEnd);
    contentHash = HexFormat.of().formatHex(sha256.digest());
    addCitation(citation, document, updatedAt);
    addPeople(citation.getAuthors(), Tables.AUTHORS, Tables.AUTHOR_AFFILIATIONS);
    addPeople(citation.getInvestigators(), Tables.INVESTIGATORS, Tables.INVESTIGATOR_AFFILIATIONS);
    addMesh(citation.getMeshHeadings());
    addChildren(citation);
    addEnrichment(citation.getEnrichment());
    addArticleIds(citation);
  }

  String pmid() {
    return pmid;
  }

  String revision() {
    return revision;
  }

  String contentHash() {
    return contentHash;
  }

  RowBatch rows() {
    return rows;
  }

  private void addCitation(Citation c, byte[] document, Instant updatedAt) {
    Journal journal = c.getJournal();
    Enrichment enrichment = c.getEnrichment();
    PartialDate date = get(enrichment, Enrichment::getPublicationDate);
    Doi doi = get(enrichment, Enrichment::getDoi);
    Flags flags = get(enrichment, Enrichment::getFlags);
    Provenance provenance = c.getProvenance();
    rows.add(CITATIONS, pmid, c.getPmidVersion(), revision, contentHash, c.getStatus(),
        c.getOwner(), c.getTitle(), c.getVernacularTitle(),
        get(journal, Journal::getTitle), get(journal, Journal::getMedlineAbbreviation),
        get(journal, Journal::getIsoAbbreviation), get(journal, Journal::getNlmUniqueId),
        issn(journal, "Print"), issn(journal, "Electronic"), issn(journal, "Linking"),
        get(journal, Journal::getCountry), get(journal, Journal::getVolume),
        get(journal, Journal::getIssue), c.getPagination(), c.getPublicationDate(),
        get(date, PartialDate::getIso), get(date, PartialDate::getYear),
        get(date, PartialDate::getSortDate), c.getElectronicPublicationDate(),
        get(doi, Doi::getValue), get(doi, Doi::getUrl), c.getPmc(),
        c.getLanguages().isEmpty() ? null : String.join(",", c.getLanguages()),
        c.getDateCreated(), c.getDateCompleted(), c.getDateRevised(),
        c.getAbstractText(), c.getAbstractCopyright(), c.getConflictOfInterest(),
        c.getPublicationStatus(), c.getPublicationModel(), c.getSource(), c.getEntrezDate(),
        c.getMeshDate(),
        get(flags, Flags::getRetracted), get(flags, Flags::getRetractionNotice),
        get(flags, Flags::getHasErratum), get(flags, Flags::getErratumNotice),
        get(flags, Flags::getExpressionOfConcern), get(flags, Flags::getRepublished),
        get(flags, Flags::getUpdated), get(flags, Flags::getPreprint),
        get(provenance, p -> p.getFormat().name()), get(provenance, Provenance::getSourceFile),
        get(provenance, Provenance::getRecordPosition),
        get(provenance, Provenance::getContentHash), get(provenance, Provenance::getIngestTime),
        get(provenance, Provenance::getRawTopic), get(provenance, Provenance::getRawPartition),
        get(provenance, Provenance::getRawOffset), get(provenance, Provenance::getEnrichTime),
        get(provenance, Provenance::getPipelineVersion),
        document, updatedAt);
  }

  private void addPeople(List<Author> people, Table table, Table affiliations) {
    for (int i = 0; i < people.size(); i++) {
      Author person = people.get(i);
      rows.add(table, pmid, i + 1, person.getLastName(), person.getForeName(),
          person.getInitials(), person.getSuffix(), person.getCollectiveName(),
          person.getOrcid(), person.getEqualContribution(), person.getValid());
      List<String> affiliationList = person.getAffiliations();
      for (int k = 0; k < affiliationList.size(); k++) {
        rows.add(affiliations, pmid, k + 1, i + 1, affiliationList.get(k));
      }
    }
  }

  private void addMesh(List<MeshHeading> headings) {
    for (int i = 0; i < headings.size(); i++) {
      MeshHeading heading = headings.get(i);
      rows.add(MESH_HEADINGS, pmid, i + 1, heading.getDescriptor(), heading.getUi(),
          heading.getMajorTopic(), heading.getType());
      List<MeshQualifier> qualifiers = heading.getQualifiers();
      for (int k = 0; k < qualifiers.size(); k++) {
        MeshQualifier qualifier = qualifiers.get(k);
        rows.add(MESH_QUALIFIERS, pmid, k + 1, i + 1, qualifier.getName(), qualifier.getUi(),
            qualifier.getMajorTopic());
      }
    }
  }

  private void addChildren(Citation c) {
    int position = 0;
    for (String type : c.getPublicationTypes()) {
      rows.add(PUBLICATION_TYPES, pmid, ++position, type);
    }
    position = 0;
    for (Keyword keyword : c.getKeywords()) {
      rows.add(KEYWORDS, pmid, ++position, keyword.getKeyword(), keyword.getOwner(),
          keyword.getMajorTopic());
    }
    position = 0;
    for (Chemical chemical : c.getChemicals()) {
      rows.add(CHEMICALS, pmid, ++position, chemical.getRegistryNumber(), chemical.getName(),
          chemical.getUi());
    }
    position = 0;
    for (Grant grant : c.getGrants()) {
      rows.add(GRANTS, pmid, ++position, grant.getGrantId(), grant.getAcronym(),
          grant.getAgency(), grant.getCountry());
    }
    position = 0;
    for (CommentCorrection comment : c.getCommentsCorrections()) {
      rows.add(COMMENTS_CORRECTIONS, pmid, ++position, comment.getRefType(),
          comment.getRefSource(), comment.getPmid(), comment.getNote());
    }
  }

  private void addEnrichment(Enrichment enrichment) {
    if (enrichment == null) {
      return;
    }
    int position = 0;
    for (TrialRegistration trial : enrichment.getTrialRegistrations()) {
      rows.add(TRIAL_REGISTRATIONS, pmid, ++position, trial.getRegistry(), trial.getId(),
          trial.getSuffix(), trial.getUrl(), evidenceJson(trial.getEvidence()));
    }
    position = 0;
    for (DataLink link : enrichment.getDataLinks()) {
      rows.add(DATA_LINKS, pmid, ++position, link.getDatabank(), link.getAccession(),
          link.getUrl());
    }
  }

  /** Location ids (LID / ELocationID), article ids (AID / ArticleIdList), manuscript ids (MID). */
  private void addArticleIds(Citation c) {
    int position = 0;
    for (ArticleId id : c.getLocationIds()) {
      rows.add(ARTICLE_IDS, pmid, ++position, "location", id.getType(), id.getValue(),
          id.getValid());
    }
    for (ArticleId id : c.getArticleIds()) {
      rows.add(ARTICLE_IDS, pmid, ++position, "article", id.getType(), id.getValue(),
          id.getValid());
    }
    for (String manuscriptId : c.getManuscriptIds()) {
      rows.add(ARTICLE_IDS, pmid, ++position, "manuscript", "mid", manuscriptId, true);
    }
  }

  private byte[] evidenceJson(List<Evidence> evidence) {
    try {
      mapper.out.writeStartArray();
      for (Evidence e : evidence) {
        JSON.write(e, mapper.out);
      }
      mapper.out.writeEndArray();
      return mapper.take();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String issn(Journal journal, String type) {
    if (journal == null) {
      return null;
    }
    for (Issn issn : journal.getIssns()) {
      if (type.equalsIgnoreCase(issn.getType())) {
        return issn.getValue();
      }
    }
    return null;
  }

  private static <T, R> R get(T value, Function<T, R> getter) {
    return value == null ? null : getter.apply(value);
  }

  static String sha256(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM lacks SHA-256", e);
    }
  }
}
