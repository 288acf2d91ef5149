package org.medlinestream.sink.pipeline;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Enrichment;
import org.medlinestream.sink.CitationChange;

/**
 * What the sink's tables must hold, worked out from the {@code Citation} objects alone (not with
 * the sink's code): which version of each PMID survives a sequence of changes, and how many rows
 * of each table a citation gives (see the table layout in the sink's README).
 */
public final class ExpectedRows {
  /** Every table of the layout. */
  public static final List<String> TABLES = List.of("citations", "authors", "author_affiliations",
      "investigators", "investigator_affiliations", "mesh_headings", "mesh_qualifiers",
      "publication_types", "keywords", "chemicals", "grants", "trial_registrations", "data_links",
      "article_ids", "comments_corrections");

  /** Revision order: date revised (none first), then PMID version. */
  private static final Comparator<Citation> REVISION = Comparator
      .comparing(Citation::getDateRevised, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
      .thenComparingInt(Citation::getPmidVersion);

  private ExpectedRows() {}

  /**
   * The citation each PMID holds after the changes, applied in order: a delete removes the PMID; a
   * citation replaces what is stored unless it is an older revision.
   */
  public static Map<String, Citation> survivors(List<CitationChange> changes) {
    Map<String, Citation> stored = new TreeMap<>();
    for (CitationChange change : changes) {
      if (change.isDelete()) {
        stored.remove(change.pmid());
        continue;
      }
      Citation current = stored.get(change.pmid());
      if (current == null || REVISION.compare(change.citation(), current) >= 0) {
        stored.put(change.pmid(), change.citation());
      }
    }
    return stored;
  }

  /**
   * PMIDs whose records hold different contents at the revision that survives: each pass over
   * such records rewrites the PMID (the later record wins a tie), so its {@code updated_at} moves
   * although its rows end up the same.
   */
  public static Set<String> tiedAtTheirRevision(List<CitationChange> changes) {
    Map<String, Citation> survivors = survivors(changes);
    Map<String, Set<Citation>> contents = new HashMap<>();
    for (CitationChange change : changes) {
      Citation survivor = survivors.get(change.pmid());
      if (!change.isDelete() && survivor != null
          && REVISION.compare(change.citation(), survivor) == 0) {
        Citation content = Citation.newBuilder(change.citation()).setProvenance(null).build();
        contents.computeIfAbsent(change.pmid(), pmid -> new HashSet<>()).add(content);
      }
    }
    Set<String> tied = new TreeSet<>();
    contents.forEach((pmid, distinct) -> {
      if (distinct.size() > 1) {
        tied.add(pmid);
      }
    });
    return tied;
  }

  /** Rows per table of one citation. */
  public static Map<String, Integer> of(Citation c) {
    Enrichment enrichment = c.getEnrichment();
    Map<String, Integer> rows = new LinkedHashMap<>();
    rows.put("citations", 1);
    rows.put("authors", c.getAuthors().size());
    rows.put("author_affiliations", affiliations(c.getAuthors()));
    rows.put("investigators", c.getInvestigators().size());
    rows.put("investigator_affiliations", affiliations(c.getInvestigators()));
    rows.put("mesh_headings", c.getMeshHeadings().size());
    rows.put("mesh_qualifiers", c.getMeshHeadings().stream()
        .mapToInt(heading -> heading.getQualifiers().size()).sum());
    rows.put("publication_types", c.getPublicationTypes().size());
    rows.put("keywords", c.getKeywords().size());
    rows.put("chemicals", c.getChemicals().size());
    rows.put("grants", c.getGrants().size());
    rows.put("trial_registrations",
        enrichment == null ? 0 : enrichment.getTrialRegistrations().size());
    rows.put("data_links", enrichment == null ? 0 : enrichment.getDataLinks().size());
    rows.put("article_ids", c.getLocationIds().size() + c.getArticleIds().size()
        + c.getManuscriptIds().size());
    rows.put("comments_corrections", c.getCommentsCorrections().size());
    return rows;
  }

  /** Per table, the rows of each PMID that has any. */
  public static Map<String, Map<String, Integer>> perPmid(Collection<Citation> citations) {
    Map<String, Map<String, Integer>> tables = new TreeMap<>();
    TABLES.forEach(table -> tables.put(table, new TreeMap<>()));
    for (Citation citation : citations) {
      of(citation).forEach((table, rows) -> {
        if (rows > 0) {
          tables.get(table).put(citation.getPmid(), rows);
        }
      });
    }
    return tables;
  }

  /** Per table, the rows of all the citations. */
  public static Map<String, Integer> perTable(Collection<Citation> citations) {
    Map<String, Integer> totals = new TreeMap<>();
    TABLES.forEach(table -> totals.put(table, 0));
    citations.forEach(citation -> of(citation).forEach((table, rows) -> totals.merge(table, rows,
        Integer::sum)));
    return totals;
  }

  private static int affiliations(List<Author> people) {
    return people.stream().mapToInt(person -> person.getAffiliations().size()).sum();
  }

  /** How many tables a citation has rows in. */
  static long filledTables(Citation citation) {
    return of(citation).values().stream().filter(rows -> rows > 0).count();
  }
}
