package org.medlinestream.enrich.parse;

import static org.medlinestream.enrich.parse.Mappings.AUTHORS;
import static org.medlinestream.enrich.parse.Mappings.COMMENTS_CORRECTIONS;
import static org.medlinestream.enrich.parse.Mappings.CONFLICT_OF_INTEREST;
import static org.medlinestream.enrich.parse.Mappings.EDITORS;
import static org.medlinestream.enrich.parse.Mappings.INVESTIGATORS;
import static org.medlinestream.enrich.parse.Mappings.KEYWORDS;
import static org.medlinestream.enrich.parse.Mappings.OTHER_ABSTRACTS;
import static org.medlinestream.enrich.parse.Mappings.PERSONAL_NAME_SUBJECTS;
import static org.medlinestream.enrich.parse.Mappings.bookCode;
import static org.medlinestream.enrich.parse.Mappings.bookStrings;
import static org.medlinestream.enrich.parse.Mappings.bookText;
import static org.medlinestream.enrich.parse.Mappings.dataBanks;
import static org.medlinestream.enrich.parse.Mappings.date;
import static org.medlinestream.enrich.parse.Mappings.extra;
import static org.medlinestream.enrich.parse.Mappings.issns;
import static org.medlinestream.enrich.parse.Mappings.items;
import static org.medlinestream.enrich.parse.Mappings.journal;
import static org.medlinestream.enrich.parse.Mappings.placeOfPublication;
import static org.medlinestream.enrich.parse.Mappings.pmid;
import static org.medlinestream.enrich.parse.Mappings.strings;
import static org.medlinestream.enrich.parse.Mappings.term;
import static org.medlinestream.enrich.parse.Mappings.text;
import static org.medlinestream.enrich.parse.MedlineTag.Era.LEGACY;
import static org.medlinestream.enrich.parse.MedlineTag.Occurs.MANY;
import static org.medlinestream.enrich.parse.MedlineTag.Occurs.ONCE;

import org.medlinestream.avro.Book;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Journal;

/**
 * The MEDLINE tag table, the one place that knows the tags: each tag (the constant's name), what it
 * holds, whether a record may repeat it, and how it maps to the citation model (read by {@link
 * MedlineTextParser}, written by {@link MedlineTextWriter} in this order, which is PubMed's). From
 * the PubMed Help "PubMed format" table, with the legacy tags that Biopython and NLM's element
 * descriptions list.
 */
public enum MedlineTag {
  PMID("PubMed Unique Identifier", ONCE, pmid()),
  OWN("Owner", ONCE, term(Citation::getOwner, Citation::setOwner)),
  STAT("Status", ONCE, term(Citation::getStatus, Citation::setStatus)),
  DA("Date Created", ONCE, date(Citation::getDateCreated, Citation::setDateCreated)),
  DCOM("Completion Date", ONCE, date(Citation::getDateCompleted, Citation::setDateCompleted)),
  LR("Modification Date", ONCE, date(Citation::getDateRevised, Citation::setDateRevised)),
  PUBM(
      "Publishing Model", ONCE, term(Citation::getPublicationModel, Citation::setPublicationModel)),
  IS("ISSN", MANY, issns()),
  VI("Volume", ONCE, journal(Journal::getVolume, Journal::setVolume)),
  IP("Issue", ONCE, journal(Journal::getIssue, Journal::setIssue)),
  DP("Publication Date", ONCE, term(Citation::getPublicationDate, Citation::setPublicationDate)),
  TI("Title", ONCE, text(Citation::getTitle, Citation::setTitle)),
  BTI("Book Title", ONCE, bookText(Book::getBookTitle, Book::setBookTitle)),
  CTI("Collection Title", MANY, bookStrings(Book::getCollectionTitles)),
  VTI("Volume Title", ONCE, bookText(Book::getVolumeTitle, Book::setVolumeTitle)),
  PG("Pagination", ONCE, term(Citation::getPagination, Citation::setPagination)),
  LID(
      "Location Identifier",
      MANY,
      items(Citation::getLocationIds, ItemSyntax::articleId, ItemSyntax::articleId)),
  AB("Abstract", ONCE, text(Citation::getAbstractText, Citation::setAbstractText)),
  CI(
      "Copyright Information",
      ONCE,
      text(Citation::getAbstractCopyright, Citation::setAbstractCopyright)),
  FAU("Full Author Name", MANY, AUTHORS.role(PersonGroup.Role.FULL_NAME)),
  AU("Author", MANY, AUTHORS.role(PersonGroup.Role.SHORT_NAME)),
  AUID("Author Identifier", MANY, AUTHORS.role(PersonGroup.Role.IDENTIFIER)),
  AD("Affiliation", MANY, AUTHORS.role(PersonGroup.Role.AFFILIATION)),
  CN("Corporate Author", MANY, AUTHORS.role(PersonGroup.Role.COLLECTIVE_NAME)),
  FED("Full Editor Name", MANY, EDITORS.role(PersonGroup.Role.FULL_NAME)),
  ED("Editor Name", MANY, EDITORS.role(PersonGroup.Role.SHORT_NAME)),
  FIR("Full Investigator Name", MANY, INVESTIGATORS.role(PersonGroup.Role.FULL_NAME)),
  IR("Investigator Name", MANY, INVESTIGATORS.role(PersonGroup.Role.SHORT_NAME)),
  IRAD("Investigator Affiliation", MANY, INVESTIGATORS.role(PersonGroup.Role.AFFILIATION)),
  EN("Edition", ONCE, bookCode(Book::getEdition, Book::setEdition)),
  PB("Publisher", ONCE, bookText(Book::getPublisher, Book::setPublisher)),
  ISBN("ISBN", MANY, bookStrings(Book::getIsbns)),
  CP("Chapter", MANY, bookStrings(Book::getChapters)),
  CTDT("Contribution Date", ONCE, bookCode(Book::getContributionDate, Book::setContributionDate)),
  DRDT("Date Revised", ONCE, bookCode(Book::getDateRevised, Book::setDateRevised)),
  LA("Language", MANY, strings(Citation::getLanguages)),
  SI("Secondary Source ID", MANY, dataBanks()),
  GR("Grants and Funding", MANY, items(Citation::getGrants, ItemSyntax::grant, ItemSyntax::grant)),
  PT("Publication Type", MANY, strings(Citation::getPublicationTypes)),
  DEP(
      "Date of Electronic Publication",
      ONCE,
      date(Citation::getElectronicPublicationDate, Citation::setElectronicPublicationDate)),
  TT(
      "Transliterated Title",
      ONCE,
      text(Citation::getVernacularTitle, Citation::setVernacularTitle)),
  PL("Place of Publication", ONCE, placeOfPublication()),
  TA(
      "Journal Title Abbreviation",
      ONCE,
      journal(Journal::getMedlineAbbreviation, Journal::setMedlineAbbreviation)),
  JT("Journal Title", ONCE, journal(Journal::getTitle, Journal::setTitle)),
  JID("NLM Unique ID", ONCE, journal(Journal::getNlmUniqueId, Journal::setNlmUniqueId)),
  RN(
      "Registry Number/EC Number",
      MANY,
      items(Citation::getChemicals, ItemSyntax::chemical, ItemSyntax::chemical)),
  NM("Substance Name", MANY, strings(Citation::getSupplementaryConcepts)),
  SB("Subset", MANY, strings(Citation::getCitationSubsets)),
  OAB("Other Abstract", MANY, OTHER_ABSTRACTS.role(OtherAbstractGroup.Role.TEXT)),
  OABL("Other Abstract Language", MANY, OTHER_ABSTRACTS.role(OtherAbstractGroup.Role.LANGUAGE)),
  OCI(
      "Other Copyright Information",
      MANY,
      OTHER_ABSTRACTS.role(OtherAbstractGroup.Role.COPYRIGHT)),
  CON("Comment on", MANY, COMMENTS_CORRECTIONS.role("CommentOn")),
  CIN("Comment in", MANY, COMMENTS_CORRECTIONS.role("CommentIn")),
  EIN("Erratum in", MANY, COMMENTS_CORRECTIONS.role("ErratumIn")),
  EFR("Erratum for", MANY, COMMENTS_CORRECTIONS.role("ErratumFor")),
  CRI("Corrected and Republished in", MANY, COMMENTS_CORRECTIONS.role("CorrectedandRepublishedIn")),
  CRF(
      "Corrected and Republished from",
      MANY,
      COMMENTS_CORRECTIONS.role("CorrectedandRepublishedFrom")),
  ECI("Expression of Concern in", MANY, COMMENTS_CORRECTIONS.role("ExpressionOfConcernIn")),
  ECF("Expression of Concern for", MANY, COMMENTS_CORRECTIONS.role("ExpressionOfConcernFor")),
  RIN("Retraction in", MANY, COMMENTS_CORRECTIONS.role("RetractionIn")),
  ROF("Retraction of", MANY, COMMENTS_CORRECTIONS.role("RetractionOf")),
  RRI("Retracted and Republished in", MANY, COMMENTS_CORRECTIONS.role("RetractedandRepublishedIn")),
  RRF(
      "Retracted and Republished from",
      MANY,
      COMMENTS_CORRECTIONS.role("RetractedandRepublishedFrom")),
  RPI("Republished in", MANY, COMMENTS_CORRECTIONS.role("RepublishedIn")),
  RPF("Republished from", MANY, COMMENTS_CORRECTIONS.role("RepublishedFrom")),
  UIN("Update in", MANY, COMMENTS_CORRECTIONS.role("UpdateIn")),
  UOF("Update of", MANY, COMMENTS_CORRECTIONS.role("UpdateOf")),
  SPIN("Summary for patients in", MANY, COMMENTS_CORRECTIONS.role("SummaryForPatientsIn")),
  ORI("Original report in", MANY, COMMENTS_CORRECTIONS.role("OriginalReportIn")),
  // PubMed's MEDLINE display of the RefTypes AssociatedDataset and AssociatedPublication (its
  // filters hasassociateddataset / hasassociatedpublication select the records with DDIN / DRIN).
  DDIN("Dataset described in", MANY, COMMENTS_CORRECTIONS.role("AssociatedDataset")),
  DRIN("Dataset use reported in", MANY, COMMENTS_CORRECTIONS.role("AssociatedPublication")),
  PRIN("Partial retraction in", MANY, COMMENTS_CORRECTIONS.role("PartialRetractionIn")),
  PROF("Partial retraction of", MANY, COMMENTS_CORRECTIONS.role("PartialRetractionOf")),
  GN("General Note", MANY, strings(Citation::getGeneralNotes)),
  GS("Gene Symbol", MANY, strings(Citation::getGeneSymbols)),
  PS(
      "Personal Name as Subject",
      MANY,
      PERSONAL_NAME_SUBJECTS.role(PersonalNameSubjectGroup.Role.SHORT)),
  FPS(
      "Full Personal Name as Subject",
      MANY,
      PERSONAL_NAME_SUBJECTS.role(PersonalNameSubjectGroup.Role.FULL)),
  SFM("Space Flight Mission", MANY, strings(Citation::getSpaceFlightMissions)),
  MH(
      "MeSH Terms",
      MANY,
      items(Citation::getMeshHeadings, ItemSyntax::meshHeading, ItemSyntax::meshHeading)),
  RF(
      "Number of References",
      ONCE,
      term(Citation::getNumberOfReferences, Citation::setNumberOfReferences)),
  PMC("PubMed Central Identifier", ONCE, term(Citation::getPmc, Citation::setPmc)),
  MID("Manuscript Identifier", MANY, strings(Citation::getManuscriptIds)),
  OID("Other ID", MANY, strings(Citation::getOtherIds)),
  OTO("Other Term Owner", MANY, KEYWORDS.role(KeywordGroup.Role.OWNER)),
  OT("Other Term", MANY, KEYWORDS.role(KeywordGroup.Role.KEYWORD)),
  COIS("Conflict of Interest Statement", ONCE, CONFLICT_OF_INTEREST),
  EDAT("Entry Date", ONCE, term(Citation::getEntrezDate, Citation::setEntrezDate)),
  MHDA("MeSH Date", ONCE, term(Citation::getMeshDate, Citation::setMeshDate)),
  PMCR("PMC Release", ONCE, term(Citation::getPmcReleaseDate, Citation::setPmcReleaseDate)),
  CRDT("Create Date", ONCE, term(Citation::getCreateDate, Citation::setCreateDate)),
  PHST(
      "Publication History Status",
      MANY,
      items(Citation::getHistory, ItemSyntax::historyDate, ItemSyntax::historyDate)),
  AID(
      "Article Identifier",
      MANY,
      items(Citation::getArticleIds, ItemSyntax::articleId, ItemSyntax::articleId)),
  PST(
      "Publication Status",
      ONCE,
      term(Citation::getPublicationStatus, Citation::setPublicationStatus)),
  SO("Source", ONCE, text(Citation::getSource, Citation::setSource)),
  // Legacy tags: read, kept, written back; not recognised inside a record flattened onto one line.
  COI(
      "Conflict of Interest Statement (PubMed Help's name for COIS)",
      ONCE,
      CONFLICT_OF_INTEREST,
      LEGACY),
  UI("MEDLINE Unique Identifier", ONCE, extra(), LEGACY),
  ID("Identification (grant or contract number)", MANY, extra(), LEGACY),
  NI("No Author", ONCE, extra(), LEGACY),
  JC("Journal Title Code", ONCE, extra(), LEGACY),
  CY("Country", ONCE, extra(), LEGACY),
  CA("Call Number", ONCE, extra(), LEGACY),
  YR("Year", ONCE, extra(), LEGACY),
  EA("English Abstract indicator", ONCE, extra(), LEGACY),
  AA("Abstract Author", ONCE, extra(), LEGACY),
  CM("Comments", MANY, extra(), LEGACY),
  CU("Class Update Date", ONCE, extra(), LEGACY),
  EM("Entry Month", ONCE, extra(), LEGACY),
  LI("Special List Indicator", ONCE, extra(), LEGACY),
  MN("MeSH Tree Number", MANY, extra(), LEGACY),
  MR("Major Revision Date", ONCE, extra(), LEGACY),
  RO("Record Originator", MANY, extra(), LEGACY),
  SH("Subheadings", MANY, extra(), LEGACY);

  /** How often a record may carry a tag. */
  public enum Occurs {
    ONCE,
    MANY
  }

  /** Whether PubMed writes a tag today. */
  public enum Era {
    CURRENT,
    LEGACY
  }

  private static final int SLOTS = 512;
  private static final int[] KEYS = new int[SLOTS];
  private static final MedlineTag[] BY_KEY = new MedlineTag[SLOTS];

  static {
    for (MedlineTag tag : values()) {
      int key = key(tag.name(), 0, tag.name().length());
      int slot = slot(key);
      while (BY_KEY[slot] != null) {
        if (KEYS[slot] == key) {
          throw new ExceptionInInitializerError("tag listed twice: " + tag);
        }
        slot = (slot + 1) & (SLOTS - 1);
      }
      KEYS[slot] = key;
      BY_KEY[slot] = tag;
    }
  }

  private final String description;
  private final Occurs occurs;
  private final Era era;
  private final TagMapping mapping;
  private final String label;

  MedlineTag(String description, Occurs occurs, TagMapping mapping) {
    this(description, occurs, mapping, Era.CURRENT);
  }

  MedlineTag(String description, Occurs occurs, TagMapping mapping, Era era) {
    this.description = description;
    this.occurs = occurs;
    this.era = era;
    this.mapping = mapping;
    this.label = String.format("%-4s- ", name());
  }

  /** The tag as MEDLINE writes it, e.g. {@code AU}. */
  public String code() {
    return name();
  }

  /** What the tag holds, e.g. {@code Author}. */
  public String description() {
    return description;
  }

  public boolean repeatable() {
    return occurs == Occurs.MANY;
  }

  public boolean legacy() {
    return era == Era.LEGACY;
  }

  /** The tag padded to four characters with its separator: {@code "AU - "}. */
  public String label() {
    return label;
  }

  TagMapping mapping() {
    return mapping;
  }

  /** The tag with this code, or null. */
  public static MedlineTag of(String code) {
    return lookup(code, 0, code.length());
  }

  /** The tag spelled by {@code text[from, to)}, or null; allocates nothing. */
  static MedlineTag lookup(CharSequence text, int from, int to) {
    int key = key(text, from, to);
    if (key == 0) {
      return null;
    }
    for (int slot = slot(key); BY_KEY[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
      if (KEYS[slot] == key) {
        return BY_KEY[slot];
      }
    }
    return null;
  }

  /** Up to four capitals packed into an int; 0 for anything else. */
  private static int key(CharSequence text, int from, int to) {
    int length = to - from;
    if (length < 1 || length > 4) {
      return 0;
    }
    int key = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 'A' || c > 'Z') {
        return 0;
      }
      key = key << 8 | c;
    }
    return key;
  }

  private static int slot(int key) {
    return (key * 0x9E3779B9) >>> 23;
  }
}
