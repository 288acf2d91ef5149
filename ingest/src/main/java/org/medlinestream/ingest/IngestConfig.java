package org.medlinestream.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.medlinestream.schemas.TopicCatalogue;
import org.medlinestream.schemas.Topics;

/**
 * Settings of an ingest: where to publish, how transactions are chunked, how the producer batches,
 * and how a drop folder is watched. Every value has a default except the bootstrap servers.
 *
 * <pre>{@code
 * IngestConfig config = IngestConfig.builder("localhost:9092").chunkRecords(10_000).build();
 * }</pre>
 */
public final class IngestConfig {
  private final String bootstrapServers;
  private final Map<String, Object> clientProperties;
  private final String rawTopic;
  private final String dlqTopic;
  private final String checkpointTopic;
  private final String transactionalId;
  private final int chunkRecords;
  private final long chunkBytes;
  private final Duration chunkInterval;
  private final String compression;
  private final int lingerMs;
  private final int batchBytes;
  private final long bufferMemoryBytes;
  private final int maxRecordBytes;
  private final boolean createTopics;
  private final int partitions;
  private final short replication;
  private final Duration stableFor;
  private final Duration pollInterval;
  private final boolean requireDoneMarker;
  private final Duration progressInterval;

  private IngestConfig(Builder b) {
    this.bootstrapServers = b.bootstrapServers;
    this.clientProperties = Map.copyOf(b.clientProperties);
    this.rawTopic = b.rawTopic;
    this.dlqTopic = b.dlqTopic;
    this.checkpointTopic = b.checkpointTopic;
    this.transactionalId = b.transactionalId;
    this.chunkRecords = b.chunkRecords;
    this.chunkBytes = b.chunkBytes;
    this.chunkInterval = b.chunkInterval;
    this.compression = b.compression;
    this.lingerMs = b.lingerMs;
    this.batchBytes = b.batchBytes;
    this.bufferMemoryBytes = b.bufferMemoryBytes;
    this.maxRecordBytes = b.maxRecordBytes;
    this.createTopics = b.createTopics;
    this.partitions = b.partitions;
    this.replication = b.replication;
    this.stableFor = b.stableFor;
    this.pollInterval = b.pollInterval;
    this.requireDoneMarker = b.requireDoneMarker;
    this.progressInterval = b.progressInterval;
  }

  public static Builder builder(String bootstrapServers) {
    return new Builder(bootstrapServers);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Extra Kafka client settings (security, timeouts) given to the producer, consumer and admin. */
  public Map<String, Object> clientProperties() {
    return clientProperties;
  }

  public String rawTopic() {
    return rawTopic;
  }

  public String dlqTopic() {
    return dlqTopic;
  }

  public String checkpointTopic() {
    return checkpointTopic;
  }

  /** The producer's {@code transactional.id}, or null to derive a stable one from the inputs. */
  public String transactionalId() {
    return transactionalId;
  }

  public int chunkRecords() {
    return chunkRecords;
  }

  public long chunkBytes() {
    return chunkBytes;
  }

  public Duration chunkInterval() {
    return chunkInterval;
  }

  public String compression() {
    return compression;
  }

  public int lingerMs() {
    return lingerMs;
  }

  public int batchBytes() {
    return batchBytes;
  }

  public long bufferMemoryBytes() {
    return bufferMemoryBytes;
  }

  public int maxRecordBytes() {
    return maxRecordBytes;
  }

  /** Largest request or message: {@link #maxRecordBytes()} plus room for key and headers. */
  int maxRequestBytes() {
    return maxRecordBytes + TopicCatalogue.RECORD_OVERHEAD_BYTES;
  }

  /**
   * The producer settings ingest sends with, transactions aside: the client properties, the
   * bootstrap servers, idempotence with {@code acks=all}, compression, linger, batch size, buffer
   * and request size. (The benchmark's raw-broker baseline uses them too.)
   */
  public Map<String, Object> producerProperties() {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, bufferMemoryBytes);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes());
    return props;
  }

  public boolean createTopics() {
    return createTopics;
  }

  public int partitions() {
    return partitions;
  }

  /** Replication factor of created topics; 0 means min(3, number of brokers). */
  public short replication() {
    return replication;
  }

  public Duration stableFor() {
    return stableFor;
  }

  public Duration pollInterval() {
    return pollInterval;
  }

  public boolean requireDoneMarker() {
    return requireDoneMarker;
  }

  public Duration progressInterval() {
    return progressInterval;
  }

  /** Builds an {@link IngestConfig}; see each setter for its default. */
  public static final class Builder {
    private final String bootstrapServers;
    private final Map<String, Object> clientProperties = new LinkedHashMap<>();
    private String rawTopic = Topics.RAW;
    private String dlqTopic = Topics.DLQ;
    private String checkpointTopic = Topics.INGEST_CHECKPOINTS;
    private String transactionalId;
    private int chunkRecords = 5_000;
    private long chunkBytes = 16L << 20;
    private Duration chunkInterval = Duration.ofSeconds(5);
    private String compression = "zstd";
    private int lingerMs = 20;
    private int batchBytes = 512 << 10;
    private long bufferMemoryBytes = 32L << 20;
    private int maxRecordBytes = TopicCatalogue.MAX_RECORD_BYTES;
    private boolean createTopics = true;
    private int partitions = 6;
    private short replication;
    private Duration stableFor = Duration.ofSeconds(5);
    private Duration pollInterval = Duration.ofSeconds(1);
    private boolean requireDoneMarker;
    private Duration progressInterval = Duration.ofSeconds(10);

    private Builder(String bootstrapServers) {
      this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    }

    /** An extra Kafka client setting, e.g. {@code security.protocol}. */
    public Builder clientProperty(String key, Object value) {
      clientProperties.put(key, value);
      return this;
    }

    /** Default {@value Topics#RAW}. */
    public Builder rawTopic(String topic) {
      this.rawTopic = Objects.requireNonNull(topic);
      return this;
    }

    /** Default {@value Topics#DLQ}. */
    public Builder dlqTopic(String topic) {
      this.dlqTopic = Objects.requireNonNull(topic);
      return this;
    }

    /** Default {@value Topics#INGEST_CHECKPOINTS}. */
    public Builder checkpointTopic(String topic) {
      this.checkpointTopic = Objects.requireNonNull(topic);
      return this;
    }

    /**
     * The producer's {@code transactional.id}: one per ingest instance, the same after a restart
     * so that the new process fences the old one. Default: derived from the drop folder or the
     * inputs.
     */
    public Builder transactionalId(String id) {
      this.transactionalId = id;
      return this;
    }

    /** Records (and refused inputs) per transaction; default 5000. */
    public Builder chunkRecords(int records) {
      this.chunkRecords = (int) positive(records, "chunkRecords");
      return this;
    }

    /** Bytes of record values per transaction; default 16 MiB. */
    public Builder chunkBytes(long bytes) {
      this.chunkBytes = positive(bytes, "chunkBytes");
      return this;
    }

    /** Longest time a transaction stays open while records arrive; default 5 s. */
    public Builder chunkInterval(Duration interval) {
      this.chunkInterval = Objects.requireNonNull(interval);
      return this;
    }

    /** {@code zstd} (default), {@code lz4}, {@code gzip}, {@code snappy} or {@code none}. */
    public Builder compression(String type) {
      this.compression = Objects.requireNonNull(type);
      return this;
    }

    /** Producer {@code linger.ms}; default 20. */
    public Builder lingerMs(int ms) {
      this.lingerMs = ms;
      return this;
    }

    /** Producer {@code batch.size}; default 512 KiB. */
    public Builder batchBytes(int bytes) {
      this.batchBytes = (int) positive(bytes, "batchBytes");
      return this;
    }

    /**
     * Producer {@code buffer.memory}, the bound on records waiting to be sent: when it is full,
     * reading waits (back-pressure). Default 32 MiB.
     */
    public Builder bufferMemoryBytes(long bytes) {
      this.bufferMemoryBytes = positive(bytes, "bufferMemoryBytes");
      return this;
    }

    /**
     * Largest record value sent to the raw topic (a larger one goes to the dead-letter topic, cut);
     * the producer's request size allows it. Default and most: {@link
     * TopicCatalogue#MAX_RECORD_BYTES}, which the topics' {@code max.message.bytes} allows.
     */
    public Builder maxRecordBytes(int bytes) {
      if (bytes > TopicCatalogue.MAX_RECORD_BYTES) {
        throw new IllegalArgumentException("maxRecordBytes " + bytes + " is more than the topics "
            + "take (TopicCatalogue.MAX_RECORD_BYTES, " + TopicCatalogue.MAX_RECORD_BYTES + ")");
      }
      this.maxRecordBytes = (int) positive(bytes, "maxRecordBytes");
      return this;
    }

    /** Create missing topics at start; default true. */
    public Builder createTopics(boolean create) {
      this.createTopics = create;
      return this;
    }

    /** Partitions of created raw and dead-letter topics; default 6. */
    public Builder partitions(int partitions) {
      this.partitions = (int) positive(partitions, "partitions");
      return this;
    }

    /** Replication factor of created topics; default 0 = min(3, brokers). */
    public Builder replication(short replication) {
      this.replication = replication;
      return this;
    }

    /** How long a dropped file's size and modification time must stay unchanged; default 5 s. */
    public Builder stableFor(Duration duration) {
      this.stableFor = Objects.requireNonNull(duration);
      return this;
    }

    /** How often the drop folder is scanned; default 1 s. */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = Objects.requireNonNull(interval);
      return this;
    }

    /** Take a dropped file only once its {@code <name>.done} marker exists; default false. */
    public Builder requireDoneMarker(boolean require) {
      this.requireDoneMarker = require;
      return this;
    }

    /** Interval of the progress log lines when output is not a terminal; default 10 s. */
    public Builder progressInterval(Duration interval) {
      this.progressInterval = Objects.requireNonNull(interval);
      return this;
    }

    public IngestConfig build() {
      if (bufferMemoryBytes < (long) maxRecordBytes + TopicCatalogue.RECORD_OVERHEAD_BYTES) {
        throw new IllegalArgumentException("bufferMemoryBytes (" + bufferMemoryBytes
            + ") must hold the largest record (maxRecordBytes " + maxRecordBytes + " + 64 KiB)");
      }
      return new IngestConfig(this);
    }

    private static long positive(long value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive, not " + value);
      }
      return value;
    }
  }
}
