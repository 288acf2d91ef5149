package org.medlinestream.enrich.enrichment.trial;

/**
 * A trial registration number in its registry's canonical spelling, with any qualifier kept apart
 * (the EudraCT member-state code, e.g. {@code ES} in {@code 2010-019469-26-ES}).
 *
 * @param id     canonical id, e.g. {@code NCT01234567}
 * @param suffix qualifier, or null
 */
public record CanonicalTrialId(String id, String suffix) {

    static CanonicalTrialId of(String id) {
        return new CanonicalTrialId(id, null);
    }
}
