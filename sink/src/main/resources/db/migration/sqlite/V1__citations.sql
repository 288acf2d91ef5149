-- medline-stream sink, schema version 1 (SQLite).
-- One row per PMID in citations; every other table hangs off it by pmid (ON DELETE CASCADE) with
-- a 1-based position keeping the record's order. citations.document holds the whole citation as
-- JSON (AvroJson), for anything without a column of its own.
-- SQLite has no date, timestamp or JSON types: dates are ISO text (2022-09-26), timestamps ISO
-- text in UTC with milliseconds (2022-09-26T04:21:00.000Z), JSON is text (use the json_* functions).

CREATE TABLE citations (
  pmid                        TEXT PRIMARY KEY,
  pmid_version                INTEGER NOT NULL,
  revision                    TEXT NOT NULL,
  content_hash                TEXT NOT NULL,
  status                      TEXT,
  owner                       TEXT,
  title                       TEXT,
  vernacular_title            TEXT,
  journal_title               TEXT,
  journal_abbreviation        TEXT,
  journal_iso_abbreviation    TEXT,
  journal_nlm_id              TEXT,
  issn_print                  TEXT,
  issn_electronic             TEXT,
  issn_linking                TEXT,
  journal_country             TEXT,
  volume                      TEXT,
  issue                       TEXT,
  pages                       TEXT,
  publication_date            TEXT,
  publication_date_iso        TEXT,
  publication_year            INTEGER,
  publication_sort_date       TEXT,
  electronic_publication_date TEXT,
  doi                         TEXT,
  doi_url                     TEXT,
  pmc                         TEXT,
  languages                   TEXT,
  date_created                TEXT,
  date_completed              TEXT,
  date_revised                TEXT,
  abstract                    TEXT,
  abstract_copyright          TEXT,
  conflict_of_interest        TEXT,
  publication_status          TEXT,
  publication_model           TEXT,
  source                      TEXT,
  entrez_date                 TEXT,
  mesh_date                   TEXT,
  retracted                   BOOLEAN,
  retraction_notice           BOOLEAN,
  has_erratum                 BOOLEAN,
  erratum_notice              BOOLEAN,
  expression_of_concern       BOOLEAN,
  republished                 BOOLEAN,
  updated                     BOOLEAN,
  preprint                    BOOLEAN,
  ingest_format               TEXT,
  ingest_source_file          TEXT,
  ingest_record_position      BIGINT,
  ingest_content_hash         TEXT,
  ingest_time                 TEXT,
  raw_topic                   TEXT,
  raw_partition               INTEGER,
  raw_offset                  BIGINT,
  enrich_time                 TEXT,
  pipeline_version            TEXT,
  document                    TEXT NOT NULL,
  updated_at                  TEXT NOT NULL
);

CREATE TABLE authors (
  pmid               TEXT NOT NULL REFERENCES citations (pmid) ON DELETE CASCADE,
  position           INTEGER NOT NULL,
  last_name          TEXT,
  fore_name          TEXT,
  initials           TEXT,
  suffix             TEXT,
  collective_name    TEXT,
  orcid              TEXT,
  equal_contribution BOOLEAN NOT NULL,
  valid              BOOLEAN NOT NULL,
  PRIMARY KEY (pmid, position)
);

CREATE TABLE author_affiliations (
  pmid            TEXT NOT NULL,
  author_position INTEGER NOT NULL,
  position        INTEGER NOT NULL,
  affiliation     TEXT NOT NULL,
  PRIMARY KEY (pmid, author_position, position),
  FOREIGN KEY (pmid, author_position) REFERENCES authors (pmid, position) ON DELETE CASCADE
);

CREATE TABLE investigators (
  pmid               TEXT NOT NULL REFERENCES citations (pmid) ON DELETE CASCADE,
  position           INTEGER NOT NULL,
  last_name          TEXT,
  fore_name          TEXT,
  initials           TEXT,
  suffix             TEXT,
  collective_name    TEXT,
  orcid              TEXT,
  equal_contribution BOOLEAN NOT NULL,
  valid              BOOLEAN NOT NULL,
  PRIMARY KEY (pmid, position)
);

CREATE TABLE investigator_affiliations (
  pmid                  TEXT NOT NULL,
  investigator_position INTEGER NOT NULL,
  position              INTEGER NOT NULL,
  affiliation           TEXT NOT NULL,
  PRIMARY KEY (pmid, investigator_position, position),
  FOREIGN KEY (pmid, investigator_position)
    REFERENCES investigators (pmid, position) ON DELETE CASCADE
);

CREATE TABLE mesh_headings (
  pmid          TEXT NOT NULL REFERENCES citations (pmid) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  descriptor    TEXT NOT NULL,
  descriptor_ui TEXT,
  major_topic   BOOLEAN NOT NULL,
  type          TEXT,
  PRIMARY KEY (pmid, position)
);

CREATE TABLE mesh_qualifiers (
  pmid             TEXT NOT NULL,
  heading_position INTEGER NOT NULL,
  position         INTEGER NOT NULL,
  qualifier        TEXT NOT NULL,
  qualifier_ui     TEXT,
  major_topic      BOOLEAN NOT NULL,
  PRIMARY KEY (pmid, heading_position, position),
  FOREIGN KEY (pmid, heading_position) REFERENCES mesh_headings (pmid, position) ON DELETE CASCADE
);

CREATE TABLE publication_types (
  pmid             TEXT NOT NULL REFERENCES citations (pmid) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  publication_type TEXT NOT NULL,
  PRIMARY KEY (pmid, position)
);

CREATE TABLE keywords (
  pmid        TEXT NOT NULL REFERENCES citations (pmid) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  keyword     TEXT NOT NULL,
  owner       TEXT,
  major_topic BOOLEAN NOT NULL,
  PRIMARY KEY (pmid, position)
);

CREATE TABLE chemicals (
  pmid            TEXT NOT NULL REFERENCES citations (pmid) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  registry_number TEXT NOT NULL,
  name            TEXT NOT NULL,
  ui              TEXT,
  PRIMARY KEY (pmid, position)
);

CREATE TABLE grants (
  pmid     TEXT NOT NULL REFERENCES citations (pmid) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  grant_id TEXT,
  acronym  TEXT,
  agency   TEXT,
  country  TEXT,
  PRIMARY KEY (pmid, position)
);

CREATE TABLE trial_registrations (
  pmid     TEXT NOT NULL REFERENCES citations (pmid) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  registry TEXT NOT NULL,
  trial_id TEXT NOT NULL,
  suffix   TEXT,
  url      TEXT NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY (pmid, position)
);

CREATE TABLE data_links (
  pmid      TEXT NOT NULL REFERENCES citations (pmid) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  databank  TEXT NOT NULL,
  accession TEXT NOT NULL,
  url       TEXT,
  PRIMARY KEY (pmid, position)
);

CREATE TABLE article_ids (
  pmid     TEXT NOT NULL REFERENCES citations (pmid) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  source   TEXT NOT NULL,
  id_type  TEXT NOT NULL,
  value    TEXT NOT NULL,
  valid    BOOLEAN NOT NULL,
  PRIMARY KEY (pmid, position)
);

CREATE TABLE comments_corrections (
  pmid       TEXT NOT NULL REFERENCES citations (pmid) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  ref_type   TEXT NOT NULL,
  ref_source TEXT,
  ref_pmid   TEXT,
  note       TEXT,
  PRIMARY KEY (pmid, position)
);

CREATE INDEX citations_doi_idx ON citations (doi);
CREATE INDEX citations_pmc_idx ON citations (pmc);
CREATE INDEX citations_journal_nlm_id_idx ON citations (journal_nlm_id);
CREATE INDEX citations_journal_abbreviation_idx ON citations (journal_abbreviation);
CREATE INDEX citations_publication_year_idx ON citations (publication_year);
CREATE INDEX authors_orcid_idx ON authors (orcid);
CREATE INDEX mesh_headings_descriptor_idx ON mesh_headings (descriptor);
CREATE INDEX keywords_keyword_idx ON keywords (keyword);
CREATE INDEX trial_registrations_trial_id_idx ON trial_registrations (trial_id);
CREATE INDEX data_links_accession_idx ON data_links (accession);
CREATE INDEX article_ids_value_idx ON article_ids (value);
