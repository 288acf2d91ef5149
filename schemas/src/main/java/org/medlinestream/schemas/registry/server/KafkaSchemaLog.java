package org.medlinestream.schemas.registry.server;

import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.medlinestream.schemas.Topics;
import org.medlinestream.schemas.registry.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry log on a compacted, single-partition Kafka topic ({@link Topics#SCHEMAS} by
 * default), created when missing, in Confluent Schema Registry's record format. A reader thread
 * consumes it (read_committed) from the start for as long as the registry runs.
 *
 * <p>Several registries may share the topic. Their writers share one {@code transactional.id}, so
 * Kafka lets only the most recently started one commit: a writer catches up with the log, decides,
 * and commits in one transaction; if another instance took over meanwhile, the transaction is
 * aborted (never read by anyone) and the decision is taken again on the caught-up state. Two
 * instances therefore never give one id to different schemas, even across compaction.
 */
public final class KafkaSchemaLog implements SchemaLog {
  private static final Logger log = LoggerFactory.getLogger(KafkaSchemaLog.class);
  /** How long a write, a catch-up or a Kafka request may take before the registry answers 50002. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final int WRITE_ATTEMPTS = 10;

  private final Map<String, Object> clientConfig;
  private final String topic;
  private final TopicPartition partition;
  private final Duration timeout;
  private final Object writeLock = new Object();
  private Admin admin;
  private KafkaProducer<String, String> writer;
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
    consumer = new KafkaConsumer<>(config(Map.of(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
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
    log.info("schema registry read topic {} up to offset {}", topic, end);
  }

  @Override
  public <T> T write(Update<T> update) {
    synchronized (writeLock) {
      for (int attempt = 1; ; attempt++) {
        try {
          KafkaProducer<String, String> producer = writer();
          sync();
          List<Entry> entries = new ArrayList<>();
          T answer = update.decide(entries);
          if (!entries.isEmpty()) {
            producer.beginTransaction();
            Future<RecordMetadata> last = null;
            for (Entry entry : entries) {
              last = producer.send(new ProducerRecord<>(topic, 0, entry.key(), entry.value()));
            }
            producer.commitTransaction();
            awaitPosition(await(last, "write to " + topic).offset() + 1);
          }
          return answer;
        } catch (KafkaException e) {
          // Usually another instance took its turn and fenced this writer. Starting a new writer
          // settles any transaction left open, so deciding again on the caught-up state is safe.
          closeWriter();
          if (unrecoverable(e) || attempt == WRITE_ATTEMPTS) {
            throw storeFailure("write to " + topic, e);
          }
          log.info("writing to {} failed ({}); catching up and deciding again", topic, e.toString());
        }
      }
    }
  }

  @Override
  public void sync() {
    awaitPosition(endOffset());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    synchronized (this) {
      notifyAll(); // waiters fail now rather than at their deadline
    }
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
    synchronized (writeLock) {
      closeWriter();
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
          sleepQuietly(1_000);
        }
      }
    }
  }

  private synchronized void awaitPosition(long offset) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (position < offset) {
      long left = deadline - System.nanoTime();
      if (closed) {
        throw RegistryException.storeError("the registry is stopping", null);
      }
      if (left <= 0) {
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

  /** The last stable offset: every committed record lies before it. */
  private long endOffset() {
    ListOffsetsOptions committed = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
    return await(admin.listOffsets(Map.of(partition, OffsetSpec.latest()), committed).partitionResult(partition),
        "read the end offset of " + topic).offset();
  }

  /**
   * The transactional producer, made on first use: initializing it fences every other registry's
   * writer on this topic and ends their open transactions.
   */
  private KafkaProducer<String, String> writer() {
    if (writer == null) {
      KafkaProducer<String, String> producer = new KafkaProducer<>(config(Map.of(
          ProducerConfig.TRANSACTIONAL_ID_CONFIG, "schema-registry-" + topic,
          ProducerConfig.ACKS_CONFIG, "all",
          ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis(),
          CommonClientConfigs.CLIENT_ID_CONFIG, "schema-registry-writer")),
          new StringSerializer(), new StringSerializer());
      try {
        producer.initTransactions();
      } catch (RuntimeException e) {
        producer.close(Duration.ZERO);
        throw e;
      }
      writer = producer;
    }
    return writer;
  }

  private void closeWriter() {
    if (writer != null) {
      writer.close(Duration.ZERO);
      writer = null;
    }
  }

  /** Whether {@code e} cannot be cured by trying again: no broker, or no permission. */
  private static boolean unrecoverable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.apache.kafka.common.errors.TimeoutException || cause instanceof AuthenticationException
          || cause instanceof AuthorizationException || cause instanceof UnsupportedVersionException) {
        return true;
      }
    }
    return false;
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
    TopicDescription description = describeTopic();
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

  /** The topic's description, once the broker knows the topic (just after its creation it may not yet). */
  private TopicDescription describeTopic() {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return await(admin.describeTopics(List.of(topic)).topicNameValues().get(topic), "describe topic " + topic);
      } catch (RegistryException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw e;
        }
        sleepQuietly(100);
      }
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

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
