package org.medlinestream.enrich.enrichment;

import java.util.Locale;

import org.medlinestream.avro.Citation;
import org.medlinestream.avro.CommentCorrection;
import org.medlinestream.avro.Flags;

/**
 * Derives retraction, erratum, expression-of-concern, republication, update and preprint flags
 * from a citation's publication types and comments/corrections (XML RefType names; the text
 * parser maps RIN, ROF, EIN, EFR, ECI, ... to them). An article retracted and republished is
 * both retracted and republished. Stateless and thread-safe.
 */
public final class StatusFlags {

    private StatusFlags() {
    }

    /** The flags of {@code citation}. */
    public static Flags of(Citation citation) {
        Flags flags = new Flags(false, false, false, false, false, false, false, false);
        for (String type : citation.getPublicationTypes()) {
            switch (type.strip().toLowerCase(Locale.ROOT)) {
                case "retracted publication" -> flags.setRetracted(true);
                case "retraction of publication" -> flags.setRetractionNotice(true);
                case "published erratum" -> flags.setErratumNotice(true);
                case "preprint" -> flags.setPreprint(true);
                default -> { }
            }
        }
        for (CommentCorrection link : citation.getCommentsCorrections()) {
            switch (link.getRefType().strip().toLowerCase(Locale.ROOT)) {
                case "retractionin" -> flags.setRetracted(true);
                case "retractionof" -> flags.setRetractionNotice(true);
                case "erratumin" -> flags.setHasErratum(true);
                case "erratumfor" -> flags.setErratumNotice(true);
                case "expressionofconcernin" -> flags.setExpressionOfConcern(true);
                case "retractedandrepublishedin" -> {
                    flags.setRetracted(true);
                    flags.setRepublished(true);
                }
                case "correctedandrepublishedin", "correctedandrepublishedfrom", "retractedandrepublishedfrom",
                        "republishedin", "republishedfrom" -> flags.setRepublished(true);
                case "updatein" -> flags.setUpdated(true);
                default -> { }
            }
        }
        return flags;
    }
}
