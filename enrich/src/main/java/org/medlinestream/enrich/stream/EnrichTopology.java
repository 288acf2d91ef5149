package org.medlinestream.enrich.stream;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import org.medlinestream.enrich.enrichment.Enricher;
import org.medlinestream.enrich.stream.RawOutcome.Rejected;

/**
 * The enrich stage as a Kafka Streams topology:
 *
 * <pre>
 * medline.raw ─ parse (by format header, or sniffed) ─ enrich ─ serialize (Avro, wire format)
 *   ├─ refused at any step ─────────────────────────────── medline.dlq (original key, bytes, headers + why)
 *   └─ revision gate (store: last revision per PMID) ────── medline.citations (key PMID; tombstone for a delete)
 * </pre>
 *
 * The gate drops an identical re-delivery and a revision older than the one applied.
 */
public final class EnrichTopology {
  /** The state store of the last revision applied per PMID. */
  public static final String REVISIONS = "revisions";

  private EnrichTopology() {}

  public static Topology build(StreamTopics topics, EnrichMetrics metrics, String pipelineVersion) {
    Enricher enricher = new Enricher();
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(REVISIONS), Serdes.String(), Revision.serde()));

    Map<String, KStream<byte[], RawOutcome>> outcomes = builder
        .stream(topics.raw(), topics.rawConsumed())
        .processValues(() -> new ParseStep(pipelineVersion, metrics), Named.as("parse"))
        .processValues(() -> new EnrichStep(enricher, metrics), Named.as("enrich"))
        .processValues(() -> new SerializeStep(topics, metrics), Named.as("serialize"))
        .split(Named.as("outcome-"))
        .branch((key, outcome) -> outcome instanceof Rejected, Branched.as("rejected"))
        .defaultBranch(Branched.as("accepted"));

    outcomes.get("outcome-rejected")
        .mapValues(rejected -> ((Rejected) rejected).raw(), Named.as("original-bytes"))
        .to(topics.dlq(), topics.dlqProduced());

    outcomes.get("outcome-accepted")
        .process(() -> new RevisionGate(metrics), Named.as("revision-gate"), REVISIONS)
        .to(topics.citations(), topics.citationsProduced());

    return builder.build();
  }
}
