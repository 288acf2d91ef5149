package org.medlinestream.enrich.parse;

import java.util.ArrayList;
import org.medlinestream.avro.Citation;

/**
 * Parses one PubMed XML record ({@code PubmedArticle}, {@code PubmedBookArticle} or the older
 * {@code MedlineCitation}, as {@code PubmedXmlReader} splits them) into a {@link Citation}.
 *
 * <p>Inline markup and MathML are flattened to their text; white space is collapsed. Whatever has
 * no field of its own (the reference list, unknown elements, attributes such as {@code
 * NlmCategory}) is kept in {@code extras}: an element as its path and XML, an attribute as {@code
 * path@name} and its value. The XML parser is hardened: a DOCTYPE, entity declarations and
 * references other than the five predefined entities are refused, and nothing is ever fetched. Not
 * thread-safe: use one parser per thread.
 */
public final class PubmedXmlParser {
  private final XmlTreeBuilder trees = new XmlTreeBuilder();
  private final XmlWriter writer = new XmlWriter();

  /** Parses a whole array. */
  public Citation parse(byte[] xml) throws MalformedRecordException {
    return parse(xml, 0, xml.length);
  }

  /**
   * Parses {@code xml[offset, offset + length)}, UTF-8.
   *
   * @throws MalformedRecordException when the bytes are not one well-formed PubMed record with a
   *     valid PMID; the message names the line (and column) of the record
   */
  public Citation parse(byte[] xml, int offset, int length) throws MalformedRecordException {
    XmlElement root = trees.build(xml, offset, length);
    Citation.Builder citation = newDraft();
    try {
      switch (root.name()) {
        case "PubmedArticle":
          MedlineCitationMapper.map(required(root, "MedlineCitation"), citation);
          mapIfPresent(root.child("PubmedData"), citation);
          Leftovers.collectInside(root.use(), citation.getExtras(), writer);
          break;
        case "PubmedBookArticle":
          BookDocumentMapper.map(required(root, "BookDocument"), citation);
          mapIfPresent(root.child("PubmedBookData"), citation);
          Leftovers.collectInside(root.use(), citation.getExtras(), writer);
          break;
        case "MedlineCitation":
          MedlineCitationMapper.map(root, citation);
          Leftovers.collect(root, citation.getExtras(), writer);
          break;
        case "DeleteCitation":
          throw new MalformedRecordException(
              "a DeleteCitation is a deletion, not a citation: it has no record to parse",
              root.line());
        default:
          throw new MalformedRecordException(
              "<"
                  + root.name()
                  + "> is not a PubMed record (PubmedArticle, PubmedBookArticle or"
                  + " MedlineCitation)",
              root.line());
      }
      return citation.build();
    } catch (RuntimeException e) {
      throw new MalformedRecordException(
          "cannot map the record into a citation (" + e + ")", root.line());
    }
  }

  private static XmlElement required(XmlElement root, String name) throws MalformedRecordException {
    XmlElement child = root.child(name);
    if (child == null) {
      throw new MalformedRecordException("<" + root.name() + "> has no " + name, root.line());
    }
    return child;
  }

  private static void mapIfPresent(XmlElement data, Citation.Builder citation) {
    if (data != null) {
      PubmedDataMapper.map(data, citation);
    }
  }

  /** A builder whose lists are all set and empty, and whose other fields are all null. */
  private static Citation.Builder newDraft() {
    return Citation.newBuilder()
        .setStatus(null)
        .setOwner(null)
        .setVersionId(null)
        .setVersionDate(null)
        .setDateCreated(null)
        .setDateCompleted(null)
        .setDateRevised(null)
        .setElectronicPublicationDate(null)
        .setPublicationDate(null)
        .setJournal(null)
        .setTitle(null)
        .setVernacularTitle(null)
        .setPagination(null)
        .setLocationIds(new ArrayList<>(2))
        .setArticleIds(new ArrayList<>(2))
        .setAbstractText(null)
        .setAbstractCopyright(null)
        .setOtherAbstracts(new ArrayList<>(0))
        .setAuthors(new ArrayList<>())
        .setInvestigators(new ArrayList<>(0))
        .setEditors(new ArrayList<>(0))
        .setLanguages(new ArrayList<>(1))
        .setPublicationTypes(new ArrayList<>(2))
        .setDataBanks(new ArrayList<>(0))
        .setGrants(new ArrayList<>(0))
        .setChemicals(new ArrayList<>())
        .setSupplementaryConcepts(new ArrayList<>(0))
        .setCitationSubsets(new ArrayList<>(1))
        .setMeshHeadings(new ArrayList<>())
        .setKeywords(new ArrayList<>())
        .setGeneralNotes(new ArrayList<>(0))
        .setGeneSymbols(new ArrayList<>(0))
        .setPersonalNameSubjects(new ArrayList<>(0))
        .setSpaceFlightMissions(new ArrayList<>(0))
        .setOtherIds(new ArrayList<>(0))
        .setNumberOfReferences(null)
        .setPmc(null)
        .setPmcReleaseDate(null)
        .setManuscriptIds(new ArrayList<>(0))
        .setConflictOfInterest(null)
        .setHistory(new ArrayList<>())
        .setEntrezDate(null)
        .setMeshDate(null)
        .setCreateDate(null)
        .setPublicationStatus(null)
        .setPublicationModel(null)
        .setSource(null)
        .setCommentsCorrections(new ArrayList<>(0))
        .setBook(null)
        .setExtras(new ArrayList<>())
        .setEnrichment(null)
        .setProvenance(null);
  }
}
