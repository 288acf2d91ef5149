package org.medlinestream.enrich.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Chemical;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.CommentCorrection;
import org.medlinestream.avro.DataBank;
import org.medlinestream.avro.ExtraField;
import org.medlinestream.avro.Issn;
import org.medlinestream.avro.Journal;
import org.medlinestream.avro.MeshHeading;
import org.medlinestream.avro.MeshQualifier;
import org.medlinestream.avro.OtherAbstract;

/** {@code MedlineCitation} (with its {@code Article}) into the citation model. */
final class MedlineCitationMapper {
  private MedlineCitationMapper() {}

  static void map(XmlElement medline, Citation.Builder citation) throws MalformedRecordException {
    medline.use();
    citation.setStatus(medline.attr("Status"));
    citation.setOwner(medline.attr("Owner"));
    citation.setVersionId(medline.attr("VersionID"));
    String versionDate = medline.attr("VersionDate");
    if (versionDate != null) {
      citation.setVersionDate(XmlDates.versionDate(versionDate));
      if (citation.getVersionDate() == null) {
        citation.getExtras().add(new ExtraField("MedlineCitation@VersionDate", versionDate));
      }
    }
    PmidMapper.map(medline, "MedlineCitation", citation);
    citation.setDateCreated(date(medline, "DateCreated"));
    citation.setDateCompleted(date(medline, "DateCompleted"));
    citation.setDateRevised(date(medline, "DateRevised"));
    XmlElement article = medline.child("Article");
    if (article != null) {
      article(article, citation);
    }
    citation.setJournal(journal(article, medline.child("MedlineJournalInfo"), citation));
    chemicals(medline, citation.getChemicals());
    ArticleParts.texts(
        medline.listItems("SupplMeshList", "SupplMeshName"), citation.getSupplementaryConcepts());
    ArticleParts.texts(medline.children("CitationSubset"), citation.getCitationSubsets());
    commentsCorrections(medline, citation.getCommentsCorrections());
    ArticleParts.texts(
        medline.listItems("GeneSymbolList", "GeneSymbol"), citation.getGeneSymbols());
    meshHeadings(medline, citation.getMeshHeadings());
    citation.setNumberOfReferences(medline.childText("NumberOfReferences"));
    for (XmlElement subject : medline.listItems("PersonalNameSubjectList", "PersonalNameSubject")) {
      String name = PersonMapper.personalName(subject);
      if (name != null) {
        citation.getPersonalNameSubjects().add(name);
      }
    }
    otherIds(medline, citation.getOtherIds());
    otherAbstracts(medline, citation.getOtherAbstracts());
    ArticleParts.keywords(medline, citation.getKeywords());
    citation.setConflictOfInterest(medline.childText("CoiStatement"));
    ArticleParts.texts(medline.children("SpaceFlightMission"), citation.getSpaceFlightMissions());
    for (XmlElement investigators : medline.children("InvestigatorList")) {
      PersonMapper.investigatorList(investigators, citation.getInvestigators());
    }
    ArticleParts.texts(medline.children("GeneralNote"), citation.getGeneralNotes());
  }

  private static LocalDate date(XmlElement parent, String name) {
    XmlElement date = parent.child(name);
    return date == null ? null : XmlDates.localDate(date);
  }

  private static void article(XmlElement article, Citation.Builder citation) {
    article.use();
    citation.setPublicationModel(article.attr("PubModel"));
    ArticleParts.titles(article, citation);
    ArticleParts.pagination(article, citation);
    ArticleParts.locationIds(article, citation.getLocationIds());
    ArticleParts.abstractText(article, citation);
    for (XmlElement authors : article.children("AuthorList")) {
      PersonMapper.authorList(authors, citation.getAuthors(), citation.getEditors());
    }
    articleAffiliation(article, citation.getAuthors());
    ArticleParts.texts(article.children("Language"), citation.getLanguages());
    dataBanks(article, citation.getDataBanks());
    ArticleParts.grants(article, citation.getGrants());
    ArticleParts.texts(
        article.listItems("PublicationTypeList", "PublicationType"),
        citation.getPublicationTypes());
    for (XmlElement articleDate : article.children("ArticleDate")) {
      String type = articleDate.attr("DateType");
      if (citation.getElectronicPublicationDate() == null
          && (type == null || type.equals("Electronic"))) {
        citation.setElectronicPublicationDate(XmlDates.localDate(articleDate));
      }
    }
  }

  /**
   * The older single {@code Article/Affiliation}: the first author's, as MEDLINE text shows it (AD
   * after the first author).
   */
  private static void articleAffiliation(XmlElement article, List<Author> authors) {
    XmlElement affiliation = article.child("Affiliation");
    if (affiliation == null || authors.isEmpty()) {
      return;
    }
    String text = affiliation.text();
    if (text != null) {
      authors.get(0).getAffiliations().add(text);
    }
  }

  /**
   * {@code Article/Journal} with {@code MedlineJournalInfo}; the issue's {@code PubDate} goes to
   * the citation's publication date. Null when neither is there.
   */
  private static Journal journal(XmlElement article, XmlElement info, Citation.Builder citation) {
    XmlElement journal = article == null ? null : article.child("Journal");
    if (journal == null && info == null) {
      return null;
    }
    Journal.Builder built = Journal.newBuilder();
    List<Issn> issns = new ArrayList<>(2);
    if (journal != null) {
      journal.use();
      for (XmlElement issn : journal.children("ISSN")) {
        String value = issn.text();
        if (value != null) {
          issns.add(new Issn(value, issn.attr("IssnType")));
        }
      }
      built.setTitle(journal.childText("Title"));
      built.setIsoAbbreviation(journal.childText("ISOAbbreviation"));
      XmlElement issue = journal.child("JournalIssue");
      if (issue != null) {
        issue.use();
        built.setCitedMedium(issue.attr("CitedMedium"));
        built.setVolume(issue.childText("Volume"));
        built.setIssue(issue.childText("Issue"));
        XmlElement pubDate = issue.child("PubDate");
        if (pubDate != null) {
          citation.setPublicationDate(XmlDates.publicationDate(pubDate));
        }
      }
    }
    if (info != null) {
      info.use();
      built.setCountry(info.childText("Country"));
      built.setMedlineAbbreviation(info.childText("MedlineTA"));
      String nlmId = info.childText("NlmUniqueID");
      built.setNlmUniqueId(nlmId != null ? nlmId : info.childText("NLMUniqueID"));
      String linking = info.childText("ISSNLinking");
      if (linking != null) {
        issns.add(new Issn(linking, "Linking"));
      }
    }
    return built.setIssns(issns).build();
  }

  /** {@code DataBankList}: accessions grouped by databank name, in order of first appearance. */
  private static void dataBanks(XmlElement article, List<DataBank> dataBanks) {
    Map<String, DataBank> byName = new LinkedHashMap<>();
    for (XmlElement bank : article.listItems("DataBankList", "DataBank")) {
      bank.use();
      String name = bank.childText("DataBankName");
      if (name == null) {
        bank.release();
        continue;
      }
      DataBank grouped = byName.computeIfAbsent(name, n -> new DataBank(n, new ArrayList<>()));
      ArticleParts.texts(
          bank.listItems("AccessionNumberList", "AccessionNumber"), grouped.getAccessionNumbers());
    }
    dataBanks.addAll(byName.values());
  }

  private static void chemicals(XmlElement medline, List<Chemical> chemicals) {
    for (XmlElement chemical : medline.listItems("ChemicalList", "Chemical")) {
      chemical.use();
      String number = chemical.childText("RegistryNumber");
      XmlElement substance = chemical.child("NameOfSubstance");
      String name = substance == null ? null : substance.text();
      if (number == null || name == null) {
        chemical.release();
      } else {
        chemicals.add(new Chemical(number, name, substance.attr("UI")));
      }
    }
  }

  /**
   * {@code CommentsCorrectionsList/CommentsCorrections@RefType} (the reference list, {@code Cites},
   * stays in the extras), and the older {@code CommentsCorrections} whose children are named after
   * the type ({@code CommentIn}, {@code ErratumIn}, ...).
   */
  private static void commentsCorrections(XmlElement medline, List<CommentCorrection> links) {
    for (XmlElement link : medline.listItems("CommentsCorrectionsList", "CommentsCorrections")) {
      String type = link.attr("RefType");
      if (type != null && !type.equals("Cites")) {
        links.add(commentCorrection(type, link));
      }
    }
    for (XmlElement older : medline.children("CommentsCorrections")) {
      older.use();
      for (Object item : older.content()) {
        if (item instanceof XmlElement) {
          XmlElement link = (XmlElement) item;
          links.add(commentCorrection(link.name(), link));
        }
      }
    }
  }

  private static CommentCorrection commentCorrection(String type, XmlElement link) {
    link.use();
    XmlElement pmid = link.child("PMID");
    if (pmid != null) {
      pmid.useAttributeIf("Version", "1");
    }
    return new CommentCorrection(
        type,
        link.childText("RefSource"),
        pmid == null ? null : pmid.text(),
        link.childText("Note"));
  }

  private static void meshHeadings(XmlElement medline, List<MeshHeading> headings) {
    for (XmlElement heading : medline.listItems("MeshHeadingList", "MeshHeading")) {
      heading.use();
      XmlElement descriptor = heading.child("DescriptorName");
      String name = descriptor == null ? null : descriptor.text();
      if (name == null) {
        heading.release();
        continue;
      }
      List<MeshQualifier> qualifiers = new ArrayList<>();
      for (XmlElement qualifier : heading.children("QualifierName")) {
        String qualifierName = qualifier.text();
        if (qualifierName != null) {
          qualifiers.add(
              new MeshQualifier(
                  qualifierName, qualifier.attr("UI"), "Y".equals(qualifier.attr("MajorTopicYN"))));
        }
      }
      headings.add(
          new MeshHeading(
              name,
              descriptor.attr("UI"),
              "Y".equals(descriptor.attr("MajorTopicYN")),
              descriptor.attr("Type"),
              qualifiers));
    }
  }

  /** {@code OtherID} as MEDLINE's OID writes it: {@code Source: id}. */
  private static void otherIds(XmlElement medline, List<String> otherIds) {
    for (XmlElement otherId : medline.children("OtherID")) {
      String value = otherId.text();
      String source = otherId.attr("Source");
      if (value != null) {
        otherIds.add(source == null ? value : source + ": " + value);
      }
    }
  }

  private static void otherAbstracts(XmlElement medline, List<OtherAbstract> otherAbstracts) {
    for (XmlElement other : medline.children("OtherAbstract")) {
      other.use();
      String text = ArticleParts.sections(other);
      if (text == null) {
        other.release();
      } else {
        otherAbstracts.add(
            new OtherAbstract(
                other.attr("Type"),
                other.attr("Language"),
                text,
                other.childText("CopyrightInformation")));
      }
    }
  }
}
