package org.medlinestream.ingest.source;

/**
 * Input that is not a record, with why. The bytes are kept (up to a bound) so that nothing is lost:
 * ingest sends them to the dead-letter topic.
 *
 * @param position 1-based position among the source's items
 * @param line 1-based line where the refused input starts
 * @param reason what is wrong, in words a user can act on
 * @param bytes the refused bytes as read
 */
public record RejectedInput(long position, long line, String reason, byte[] bytes)
    implements SourceItem {}
