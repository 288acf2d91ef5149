package org.medlinestream.enrich.parse;

import java.util.ArrayList;
import java.util.List;
import org.medlinestream.avro.Book;
import org.medlinestream.avro.Citation;

/**
 * {@code PubmedBookArticle/BookDocument} into the citation model: the document (chapter or whole
 * book) like an article, the {@code Book} into {@link Book}. A book has no journal.
 */
final class BookDocumentMapper {
  private BookDocumentMapper() {}

  static void map(XmlElement document, Citation.Builder citation) throws MalformedRecordException {
    document.use();
    PmidMapper.map(document, "BookDocument", citation);
    PubmedDataMapper.articleIds(document, citation);
    ArticleParts.titles(document, citation);
    ArticleParts.pagination(document, citation);
    ArticleParts.texts(document.children("Language"), citation.getLanguages());
    for (XmlElement authors : document.children("AuthorList")) {
      PersonMapper.authorList(authors, citation.getAuthors(), citation.getEditors());
    }
    for (XmlElement investigators : document.children("InvestigatorList")) {
      PersonMapper.investigatorList(investigators, citation.getInvestigators());
    }
    ArticleParts.texts(document.children("PublicationType"), citation.getPublicationTypes());
    ArticleParts.abstractText(document, citation);
    ArticleParts.keywords(document, citation.getKeywords());
    ArticleParts.grants(document, citation.getGrants());
    Book.Builder book =
        Book.newBuilder()
            .setCollectionTitles(new ArrayList<>(1))
            .setIsbns(new ArrayList<>(1))
            .setChapters(sectionTitles(document.child("Sections")));
    XmlElement contributed = document.child("ContributionDate");
    book.setContributionDate(contributed == null ? null : XmlDates.compactDate(contributed));
    XmlElement revised = document.child("DateRevised");
    book.setDateRevised(revised == null ? null : XmlDates.compactDate(revised));
    XmlElement bookElement = document.child("Book");
    if (bookElement != null) {
      book(bookElement, book, citation);
    } else {
      book.setPublisher(null)
          .setPublisherLocation(null)
          .setBookTitle(null)
          .setVolumeTitle(null)
          .setEdition(null)
          .setReportNumber(null)
          .setVolume(null)
          .setMedium(null);
    }
    citation.setBook(book.build());
  }

  private static void book(XmlElement book, Book.Builder built, Citation.Builder citation) {
    book.use();
    XmlElement publisher = book.child("Publisher");
    if (publisher != null) {
      publisher.use();
    }
    built
        .setPublisher(publisher == null ? null : publisher.childText("PublisherName"))
        .setPublisherLocation(publisher == null ? null : publisher.childText("PublisherLocation"))
        .setBookTitle(book.childText("BookTitle"))
        .setVolumeTitle(book.childText("VolumeTitle"))
        .setEdition(book.childText("Edition"))
        .setReportNumber(book.childText("ReportNumber"))
        .setVolume(book.childText("Volume"))
        .setMedium(book.childText("Medium"));
    ArticleParts.texts(book.children("CollectionTitle"), built.getCollectionTitles());
    ArticleParts.texts(book.children("Isbn"), built.getIsbns());
    XmlElement pubDate = book.child("PubDate");
    if (pubDate != null) {
      citation.setPublicationDate(XmlDates.publicationDate(pubDate));
    }
    boolean documentHasAuthors = !citation.getAuthors().isEmpty();
    for (XmlElement authors : book.children("AuthorList")) {
      if ("editors".equals(authors.attr("Type")) || !documentHasAuthors) {
        PersonMapper.authorList(authors, citation.getAuthors(), citation.getEditors());
      } else {
        authors.release();
      }
    }
    for (XmlElement investigators : book.children("InvestigatorList")) {
      PersonMapper.investigatorList(investigators, citation.getInvestigators());
    }
    ArticleParts.locationIds(book, citation.getLocationIds());
  }

  /**
   * The {@code SectionTitle}s of {@code Sections}, nested sections in document order. They are read
   * without being used: the whole {@code Sections} (labels, links) stays in the extras.
   */
  private static List<String> sectionTitles(XmlElement sections) {
    List<String> titles = new ArrayList<>();
    if (sections != null) {
      addSectionTitles(sections, titles);
    }
    return titles;
  }

  private static void addSectionTitles(XmlElement parent, List<String> titles) {
    for (XmlElement section : parent.children("Section")) {
      XmlElement title = section.child("SectionTitle");
      String text = title == null ? null : title.textContent();
      if (text != null) {
        titles.add(text);
      }
      addSectionTitles(section, titles);
    }
  }
}
