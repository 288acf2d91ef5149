package org.medlinestream.app;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** How the pipeline topics are created: the flags of every command that creates them. */
public final class TopicOptions implements ConfigFlags {
  @Option(names = "--partitions", paramLabel = "N",
      description = "Partitions of each pipeline topic (topics.partitions; default 6).")
  private Integer partitions;

  @Option(names = "--replication-factor", paramLabel = "N",
      description = "Replication factor of each pipeline topic (topics.replication.factor; "
          + "default 1).")
  private Short replicationFactor;

  @Override
  public Map<String, String> configFlags() {
    Map<String, String> flags = new HashMap<>();
    ConfigFlags.putIfGiven(flags, ConfigKey.TOPIC_PARTITIONS, partitions);
    ConfigFlags.putIfGiven(flags, ConfigKey.TOPIC_REPLICATION_FACTOR, replicationFactor);
    return flags;
  }
}
