package org.medlinestream.schemas.registry.server;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.medlinestream.schemas.Topics;
import org.medlinestream.schemas.registry.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry log on a compacted, single-partition Kafka topic ({@link Topics#SCHEMAS} by
 * default), created when missing. A reader thread consumes it from the start for as long as the
 * registry runs; writers wait until the reader has passed their own record, and {@link #sync()}
 * waits until it has passed the partition's end offset, so every instance on the topic sees the
 * writes of every other before it answers.
 */
public final class KafkaSchemaLog implements SchemaLog {
  private static final Logger log = LoggerFactory.getLogger(KafkaSchemaLog.class);
  /** How long a write, a catch-up or a Kafka request may take before the registry answers 50002. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Object> clientConfig;
  private final String topic;
  private final TopicPartition partition;
  private final Duration timeout;
  private Admin admin;
  private KafkaProducer<String, String> producer;
  private KafkaConsumer<String, String> consumer;
  private Thread reader;
  private volatile boolean closed;
  /** The next offset the reader will deliver; guarded by {@code this}. */
  private long position;

  /** The log on {@link Topics#SCHEMAS} of the cluster at {@code bootstrapServers}. */
  public KafkaSchemaLog(String bootstrapServers) {
    this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), Topics.SCHEMAS, DEFAULT_TIMEOUT);
  }

  /**
   * The log on {@code topic}; {@code clientConfig} (bootstrap servers, security settings) is given
   * to the admin client, the producer and the consumer.
   */
  public KafkaSchemaLog(Map<String, ?> clientConfig, String topic, Duration timeout) {
    this.clientConfig = Map.copyOf(clientConfig);
    this.topic = topic;
    this.partition = new TopicPartition(topic, 0);
    this.timeout = timeout;
  }

  @Override
  public void start(Listener listener) {
    admin = Admin.create(config(Map.of(CommonClientConfigs.CLIENT_ID_CONFIG, "schema-registry-admin")));
    ensureTopic();
    producer = new KafkaProducer<>(config(Map.of(
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis(),
        CommonClientConfigs.CLIENT_ID_CONFIG, "schema-registry-writer")),
        new StringSerializer(), new StringSerializer());
    consumer = new KafkaConsumer<>(config(Map.of(
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        CommonClientConfigs.CLIENT_ID_CONFIG, "schema-registry-reader")),
        new StringDeserializer(), new StringDeserializer());
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    long end = endOffset();
    reader = new Thread(() -> read(listener), "schema-registry-reader");
    reader.setDaemon(true);
    reader.start();
    awaitPosition(end);
    log.info("schema registry read {} records of topic {}", end, topic);
  }

  @Override
  public void append(String key, String value) {
    long offset = await(producer.send(new ProducerRecord<>(topic, 0, key, value)), "write to " + topic).offset();
    awaitPosition(offset + 1);
  }

  @Override
  public void sync() {
    awaitPosition(endOffset());
  }

  @Override
  public void close() {
    closed = true;
    if (consumer != null) {
      consumer.wakeup();
    }
    try {
      if (reader != null) {
        reader.join(timeout.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (producer != null) {
      producer.close(timeout);
    }
    if (admin != null) {
      admin.close(timeout);
    }
  }

  private void read(Listener listener) {
    try (KafkaConsumer<String, String> owned = consumer) {
      while (!closed) {
        try {
          for (ConsumerRecord<String, String> record : owned.poll(Duration.ofMillis(200))) {
            listener.apply(record.offset(), record.key(), record.value());
          }
          long next = owned.position(partition);
          synchronized (this) {
            position = next;
            notifyAll();
          }
        } catch (WakeupException e) {
          return;
        } catch (RuntimeException e) {
          log.error("reading topic {} failed; trying again", topic, e);
          sleepQuietly();
        }
      }
    }
  }

  private synchronized void awaitPosition(long offset) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (position < offset) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || closed) {
        throw RegistryException.operationTimeout("the registry did not read topic " + topic
            + " up to offset " + offset + " within " + timeout.toMillis() + " ms (read up to " + position + ")", null);
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw RegistryException.operationTimeout("interrupted while reading topic " + topic, e);
      }
    }
  }

  private long endOffset() {
    return await(admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition),
        "read the end offset of " + topic).offset();
  }

  private void ensureTopic() {
    try {
      int brokers = await(admin.describeCluster().nodes(), "describe the Kafka cluster").size();
      NewTopic newTopic = new NewTopic(topic, 1, (short) Math.min(3, brokers))
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      log.info("created topic {} (compacted, 1 partition)", topic);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw storeFailure("create topic " + topic, e.getCause());
      }
    } catch (TimeoutException e) {
      throw timedOut("create topic " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw timedOut("create topic " + topic, e);
    }
    TopicDescription description = await(admin.describeTopics(List.of(topic)).topicNameValues().get(topic),
        "describe topic " + topic);
    if (description.partitions().size() != 1) {
      throw RegistryException.storeError("topic " + topic + " has " + description.partitions().size()
          + " partitions; the schema registry needs exactly one (delete it or name another topic)", null);
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = await(admin.describeConfigs(List.of(resource)).values().get(resource), "describe topic " + topic);
    String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
      throw RegistryException.storeError("topic " + topic + " has cleanup.policy=" + policy
          + "; the schema registry needs compact, or schemas would be deleted with old segments", null);
    }
  }

  private <T> T await(Future<T> future, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw storeFailure(what, e.getCause());
    } catch (TimeoutException e) {
      throw timedOut(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw timedOut(what, e);
    }
  }

  private RegistryException storeFailure(String what, Throwable cause) {
    return RegistryException.storeError("could not " + what + " at Kafka " + bootstrapServers() + ": " + cause, cause);
  }

  private RegistryException timedOut(String what, Exception cause) {
    return RegistryException.operationTimeout("could not " + what + " at Kafka " + bootstrapServers()
        + " within " + timeout.toMillis() + " ms; is the broker running?", cause);
  }

  private Object bootstrapServers() {
    return clientConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
  }

  private Map<String, Object> config(Map<String, Object> overrides) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.putAll(overrides);
    return config;
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
