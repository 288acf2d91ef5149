package org.medlinestream.sink;

/**
 * What {@link CitationStore#apply} did with a batch.
 *
 * @param written citations written (inserted or replaced)
 * @param deleted PMIDs deleted (whether or not they were stored)
 * @param skipped citations not written because the store holds a newer revision or the same
 *     content
 */
public record ApplyResult(int written, int deleted, int skipped) {

  public ApplyResult plus(ApplyResult other) {
    return new ApplyResult(
        written + other.written, deleted + other.deleted, skipped + other.skipped);
  }
}
