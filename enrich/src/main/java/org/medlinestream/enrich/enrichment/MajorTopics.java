package org.medlinestream.enrich.enrichment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.medlinestream.avro.MeshHeading;
import org.medlinestream.avro.MeshQualifier;

/** The MeSH descriptors that are major topics, themselves or through a major qualifier. */
public final class MajorTopics {

    private MajorTopics() {
    }

    /** Major-topic descriptors, deduplicated, in heading order. */
    public static List<String> of(List<MeshHeading> headings) {
        Set<String> topics = new LinkedHashSet<>();
        for (MeshHeading heading : headings) {
            if (heading.getMajorTopic() || heading.getQualifiers().stream().anyMatch(MeshQualifier::getMajorTopic)) {
                topics.add(heading.getDescriptor());
            }
        }
        return new ArrayList<>(topics);
    }
}
