package org.medlinestream.enrich.stream;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.medlinestream.monitoring.MonitoringServer;
import org.medlinestream.schemas.TopicCatalogue;
import org.medlinestream.schemas.Topics;
import org.medlinestream.schemas.registry.RegistryClientConfig;

/**
 * Settings of the enrich stage: Kafka and the schema registry, the Kafka Streams application
 * (id, state folder, threads, standby replicas, processing guarantee), the topics, and the HTTP port
 * of the metrics and health endpoints. Every value has a default except the bootstrap servers and
 * the registry URL.
 *
 * <pre>{@code
 * EnrichConfig config = EnrichConfig.builder("localhost:9092", "http://localhost:8081").standbyReplicas(1).build();
 * }</pre>
 */
public final class EnrichConfig {
  public static final String DEFAULT_APPLICATION_ID = "medline-enrich";

  private final Builder settings;

  private EnrichConfig(Builder settings) {
    this.settings = settings;
  }

  public static Builder builder(String bootstrapServers, String registryUrl) {
    return new Builder(bootstrapServers, registryUrl);
  }

  public String bootstrapServers() {
    return settings.bootstrapServers;
  }

  public String applicationId() {
    return settings.applicationId;
  }

  public String registryUrl() {
    return settings.registryUrl;
  }

  /** The topics, with the citation serde pointed at the registry. */
  public StreamTopics topics() {
    return new StreamTopics(settings.rawTopic, settings.citationsTopic, settings.dlqTopic, serdeConfig());
  }

  /** Settings of the citation serde: the registry URL plus the extra registry settings. */
  public Map<String, Object> serdeConfig() {
    Map<String, Object> config = new LinkedHashMap<>(settings.registryProperties);
    config.put(RegistryClientConfig.URL, settings.registryUrl);
    return config;
  }

  /** Settings of an admin client: the bootstrap servers plus the extra client settings. */
  public Map<String, Object> adminConfig() {
    Map<String, Object> config = new LinkedHashMap<>(settings.clientProperties);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers);
    return config;
  }

  public int partitions() {
    return settings.partitions;
  }

  public short replication() {
    return settings.replication;
  }

  public boolean createTopics() {
    return settings.createTopics;
  }

  public String httpHost() {
    return settings.httpHost;
  }

  /** Port of the metrics and health endpoints: 0 for any free port, negative for none. */
  public int httpPort() {
    return settings.httpPort;
  }

  /**
   * Fewer, larger transactions and produce requests than Kafka Streams' exactly-once defaults
   * (a commit every 100 ms, 16 KiB batches): each transaction costs markers on every partition it
   * wrote and an offset commit, each request a round of the broker's work, whatever its size. A
   * citation waits up to one commit interval more before read_committed consumers see it.
   */
  static final Map<String, Object> BATCHING = Map.of(
      StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000,
      StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 512 * 1024,
      StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);

  /**
   * The Kafka Streams settings for the configured {@link #replication()} (0: Streams' internal topics
   * get the broker's default); see {@link #streamsProperties(short)}.
   */
  public Properties streamsProperties() {
    return streamsProperties(settings.replication);
  }

  /**
   * The Kafka Streams settings: {@link #BATCHING}, overridden by the client settings; the ones of
   * this config, the dead-letter handlers, a producer that takes records as large as the topics
   * do, internal topics (the revision store's changelog)
   * replicated {@code replication} times with the pipeline topics' {@code min.insync.replicas}
   * (0: the broker's defaults), then the extra Streams settings, which win.
   */
  public Properties streamsProperties(short replication) {
    Properties props = new Properties();
    props.putAll(BATCHING);
    props.putAll(settings.clientProperties);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee);
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads);
    if (settings.stateDir != null) {
      props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir.toString());
    }
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
    props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, settings.dlqTopic);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), TopicCatalogue.MAX_MESSAGE_BYTES);
    if (replication > 0) {
      props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replication);
      props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
          Integer.toString(TopicCatalogue.minInsyncReplicas(replication)));
    }
    props.putAll(settings.streamsProperties);
    return props;
  }

  /** Builds an {@link EnrichConfig}; see each setter for its default. */
  public static final class Builder {
    private final String bootstrapServers;
    private final String registryUrl;
    private final Map<String, Object> clientProperties = new LinkedHashMap<>();
    private final Map<String, Object> streamsProperties = new LinkedHashMap<>();
    private final Map<String, Object> registryProperties = new LinkedHashMap<>();
    private String applicationId = DEFAULT_APPLICATION_ID;
    private Path stateDir;
    private int standbyReplicas;
    private int threads = 1;
    private String processingGuarantee = StreamsConfig.EXACTLY_ONCE_V2;
    private String rawTopic = Topics.RAW;
    private String citationsTopic = Topics.CITATIONS;
    private String dlqTopic = Topics.DLQ;
    private boolean createTopics = true;
    private int partitions = 6;
    private short replication;
    private String httpHost = "0.0.0.0";
    private int httpPort = MonitoringServer.DEFAULT_PORT;

    private Builder(String bootstrapServers, String registryUrl) {
      this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      this.registryUrl = Objects.requireNonNull(registryUrl, "registryUrl");
    }

    /** A Kafka client setting for Streams' clients and the admin client, e.g. {@code security.protocol}. */
    public Builder clientProperty(String key, Object value) {
      clientProperties.put(key, value);
      return this;
    }

    /** A Kafka Streams setting, applied last (e.g. {@code commit.interval.ms}, {@code consumer.session.timeout.ms}). */
    public Builder streamsProperty(String key, Object value) {
      streamsProperties.put(key, value);
      return this;
    }

    /** A schema registry client setting, e.g. {@code basic.auth.user.info}. */
    public Builder registryProperty(String key, Object value) {
      registryProperties.put(key, value);
      return this;
    }

    /** Default {@value EnrichConfig#DEFAULT_APPLICATION_ID}: instances with the same id share the work. */
    public Builder applicationId(String id) {
      this.applicationId = Objects.requireNonNull(id);
      return this;
    }

    /** Where the state stores live; default Kafka Streams' ({@code <tmp>/kafka-streams}). */
    public Builder stateDir(Path dir) {
      this.stateDir = dir;
      return this;
    }

    /** Default 0. */
    public Builder standbyReplicas(int replicas) {
      this.standbyReplicas = replicas;
      return this;
    }

    /** Stream threads; default 1. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Default {@code exactly_once_v2}; {@code at_least_once} trades the guarantee for speed. */
    public Builder processingGuarantee(String guarantee) {
      this.processingGuarantee = Objects.requireNonNull(guarantee);
      return this;
    }

    /** Default {@value Topics#RAW}. */
    public Builder rawTopic(String topic) {
      this.rawTopic = Objects.requireNonNull(topic);
      return this;
    }

    /** Default {@value Topics#CITATIONS}. */
    public Builder citationsTopic(String topic) {
      this.citationsTopic = Objects.requireNonNull(topic);
      return this;
    }

    /** Default {@value Topics#DLQ}. */
    public Builder dlqTopic(String topic) {
      this.dlqTopic = Objects.requireNonNull(topic);
      return this;
    }

    /** Create missing topics at start; default true. */
    public Builder createTopics(boolean create) {
      this.createTopics = create;
      return this;
    }

    /** Partitions of the raw topic when it has to be created; default 6. */
    public Builder partitions(int partitions) {
      this.partitions = partitions;
      return this;
    }

    /**
     * Replication factor of created topics and of Kafka Streams' internal ones; default 0: min(3,
     * number of brokers).
     */
    public Builder replication(short replication) {
      this.replication = replication;
      return this;
    }

    /** Address the HTTP endpoints listen on; default {@code 0.0.0.0}. */
    public Builder httpHost(String host) {
      this.httpHost = Objects.requireNonNull(host);
      return this;
    }

    /** Default {@value MonitoringServer#DEFAULT_PORT}; 0 for any free port, negative for no endpoints. */
    public Builder httpPort(int port) {
      this.httpPort = port;
      return this;
    }

    public EnrichConfig build() {
      return new EnrichConfig(copy());
    }

    private Builder copy() {
      Builder copy = new Builder(bootstrapServers, registryUrl);
      copy.clientProperties.putAll(clientProperties);
      copy.streamsProperties.putAll(streamsProperties);
      copy.registryProperties.putAll(registryProperties);
      copy.applicationId = applicationId;
      copy.stateDir = stateDir;
      copy.standbyReplicas = standbyReplicas;
      copy.threads = threads;
      copy.processingGuarantee = processingGuarantee;
      copy.rawTopic = rawTopic;
      copy.citationsTopic = citationsTopic;
      copy.dlqTopic = dlqTopic;
      copy.createTopics = createTopics;
      copy.partitions = partitions;
      copy.replication = replication;
      copy.httpHost = httpHost;
      copy.httpPort = httpPort;
      return copy;
    }
  }
}
