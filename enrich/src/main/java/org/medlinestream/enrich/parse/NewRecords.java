package org.medlinestream.enrich.parse;

import java.util.ArrayList;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Book;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Journal;

/**
 * Empty model records with the schema's defaults, made without Avro's builders (which deep-copy
 * every default and would dominate the parser's time).
 */
final class NewRecords {
  private NewRecords() {}

  static Citation citation() {
    Citation c = new Citation();
    c.setPmidVersion(1);
    c.setLocationIds(new ArrayList<>(2));
    c.setArticleIds(new ArrayList<>(2));
    c.setOtherAbstracts(new ArrayList<>(0));
    c.setAuthors(new ArrayList<>());
    c.setInvestigators(new ArrayList<>(0));
    c.setEditors(new ArrayList<>(0));
    c.setLanguages(new ArrayList<>(1));
    c.setPublicationTypes(new ArrayList<>(2));
    c.setDataBanks(new ArrayList<>(0));
    c.setGrants(new ArrayList<>(0));
    c.setChemicals(new ArrayList<>());
    c.setSupplementaryConcepts(new ArrayList<>(0));
    c.setCitationSubsets(new ArrayList<>(1));
    c.setMeshHeadings(new ArrayList<>());
    c.setKeywords(new ArrayList<>());
    c.setGeneralNotes(new ArrayList<>(0));
    c.setGeneSymbols(new ArrayList<>(0));
    c.setPersonalNameSubjects(new ArrayList<>(0));
    c.setSpaceFlightMissions(new ArrayList<>(0));
    c.setOtherIds(new ArrayList<>(0));
    c.setManuscriptIds(new ArrayList<>(0));
    c.setHistory(new ArrayList<>());
    c.setCommentsCorrections(new ArrayList<>(0));
    c.setExtras(new ArrayList<>(0));
    return c;
  }

  static Author author() {
    return new Author(
        null, null, null, null, null, new ArrayList<>(1), new ArrayList<>(1), null, false, true,
        new ArrayList<>(0));
  }

  static Journal journal() {
    return new Journal(null, null, null, null, new ArrayList<>(2), null, null, null, null);
  }

  static Book book() {
    return new Book(
        null,
        null,
        null,
        new ArrayList<>(1),
        null,
        null,
        new ArrayList<>(1),
        new ArrayList<>(1),
        null,
        null,
        null,
        null,
        null);
  }
}
