package org.medlinestream.sink.jdbc;

import static org.medlinestream.sink.jdbc.ColumnType.BIGINT;
import static org.medlinestream.sink.jdbc.ColumnType.DATE;
import static org.medlinestream.sink.jdbc.ColumnType.INTEGER;
import static org.medlinestream.sink.jdbc.ColumnType.JSON;
import static org.medlinestream.sink.jdbc.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * The relational layout (see {@code db/migration/<dialect>/V1__citations.sql}): {@code citations}
 * has one row per PMID; every other table hangs off it by {@code pmid} ({@code ON DELETE CASCADE})
 * with a 1-based {@code position} keeping the record's order.
 */
final class Tables {
  static final Table CITATIONS = Table.named("citations")
      .text("pmid").integer("pmid_version").text("revision", "content_hash", "status", "owner",
          "title", "vernacular_title", "journal_title", "journal_abbreviation",
          "journal_iso_abbreviation", "journal_nlm_id", "issn_print", "issn_electronic",
          "issn_linking", "journal_country", "volume", "issue", "pages", "publication_date",
          "publication_date_iso")
      .integer("publication_year")
      .column("publication_sort_date", DATE)
      .column("electronic_publication_date", DATE)
      .text("doi", "doi_url", "pmc", "languages")
      .column("date_created", DATE)
      .column("date_completed", DATE)
      .column("date_revised", DATE)
      .text("abstract", "abstract_copyright", "conflict_of_interest", "publication_status",
          "publication_model", "source", "entrez_date", "mesh_date")
      .bool("retracted", "retraction_notice", "has_erratum", "erratum_notice",
          "expression_of_concern", "republished", "updated", "preprint")
      .text("ingest_format", "ingest_source_file")
      .column("ingest_record_position", BIGINT)
      .text("ingest_content_hash")
      .column("ingest_time", TIMESTAMP)
      .text("raw_topic")
      .integer("raw_partition")
      .column("raw_offset", BIGINT)
      .column("enrich_time", TIMESTAMP)
      .text("pipeline_version")
      .column("document", JSON)
      .column("updated_at", TIMESTAMP);

  static final Table AUTHORS = people("authors");
  static final Table AUTHOR_AFFILIATIONS = affiliations("author_affiliations", "author_position");
  static final Table INVESTIGATORS = people("investigators");
  static final Table INVESTIGATOR_AFFILIATIONS =
      affiliations("investigator_affiliations", "investigator_position");
  static final Table MESH_HEADINGS = child("mesh_headings")
      .text("descriptor", "descriptor_ui").bool("major_topic").text("type");
  static final Table MESH_QUALIFIERS = child("mesh_qualifiers").integer("heading_position")
      .text("qualifier", "qualifier_ui").bool("major_topic");
  static final Table PUBLICATION_TYPES = child("publication_types").text("publication_type");
  static final Table KEYWORDS = child("keywords").text("keyword", "owner").bool("major_topic");
  static final Table CHEMICALS = child("chemicals").text("registry_number", "name", "ui");
  static final Table GRANTS = child("grants").text("grant_id", "acronym", "agency", "country");
  static final Table TRIAL_REGISTRATIONS = child("trial_registrations")
      .text("registry", "trial_id", "suffix", "url").column("evidence", JSON);
  static final Table DATA_LINKS = child("data_links").text("databank", "accession", "url");
  static final Table ARTICLE_IDS = child("article_ids")
      .text("source", "id_type", "value").bool("valid");
  static final Table COMMENTS_CORRECTIONS = child("comments_corrections")
      .text("ref_type", "ref_source", "ref_pmid", "note");

  /** Every table, parents before children (the insert order). */
  static final List<Table> ALL = List.of(CITATIONS, AUTHORS, AUTHOR_AFFILIATIONS, INVESTIGATORS,
      INVESTIGATOR_AFFILIATIONS, MESH_HEADINGS, MESH_QUALIFIERS, PUBLICATION_TYPES, KEYWORDS,
      CHEMICALS, GRANTS, TRIAL_REGISTRATIONS, DATA_LINKS, ARTICLE_IDS, COMMENTS_CORRECTIONS);

  private Tables() {}

  private static Table child(String name) {
    return Table.named(name).text("pmid").column("position", INTEGER);
  }

  private static Table people(String name) {
    return child(name).text("last_name", "fore_name", "initials", "suffix", "collective_name",
        "orcid").bool("equal_contribution", "valid");
  }

  private static Table affiliations(String name, String personPosition) {
    return child(name).integer(personPosition).text("affiliation");
  }
}
