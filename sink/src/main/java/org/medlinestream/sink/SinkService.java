package org.medlinestream.sink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.medlinestream.avro.Citation;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.RawHeaders;
import org.medlinestream.schemas.registry.RegistryFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the citations topic into a {@link CitationStore}: poll, apply the polled records as one
 * batch, then commit their offsets, so that a crash re-applies at most one batch (harmlessly: the
 * stores are idempotent). A tombstone deletes its PMID.
 *
 * <p>Two threads share the work: the consumer's decodes a poll and {@link CitationStore#prepare
 * prepares} it while the store's applies the batch before; a batch's offsets are committed once the
 * store has applied it, and before its partitions go to another instance.
 *
 * <p>While the store is unavailable the batch is retried with exponential backoff ({@link
 * RetryPolicy}); when the retries run out, or the store is broken, the service stops with a {@link
 * SinkFailedException} and commits nothing. When the store refuses a batch, its records are applied
 * one by one and each refused record goes to the dead-letter topic with its original key, value and
 * headers plus the {@link ErrorHeaders} of stage {@code sink}; so does a value that cannot be
 * deserialized.
 *
 * <p>The service reads raw bytes and deserializes them itself, so that a dead letter carries the
 * exact bytes consumed. The store belongs to the caller, who closes it after {@link #stop}.
 */
public final class SinkService {
  private static final Logger log = LoggerFactory.getLogger(SinkService.class);
  private static final int MAX_REASON_LENGTH = 2_000;

  /** A record decoded into a change, remembered for its dead letter. */
  private record Pending(ConsumerRecord<byte[], byte[]> record, CitationChange change) {}

  /** A record to send to the dead-letter topic, and why. */
  private record DeadLetter(ConsumerRecord<byte[], byte[]> record, String step, Exception error) {}

  /** A batch handed to the store's thread, which answers with the records the store refused. */
  private record InFlight(ConsumerRecords<byte[], byte[]> records, List<Pending> pending,
      List<DeadLetter> undecodable, Future<List<DeadLetter>> refused) {}

  /** Thrown where the service notices {@link #stop} while it waits: the batch is abandoned. */
  private static final class StopRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private final SinkConfig config;
  private final CitationStore store;
  private final Deserializer<Citation> deserializer;
  private final Consumer<byte[], byte[]> consumer;
  private final Producer<byte[], byte[]> deadLetters;
  private final ExecutorService storeThread = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "medline-sink-store");
    thread.setDaemon(true);
    return thread;
  });
  private InFlight inFlight;
  private RuntimeException rebalanceFailure;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private Thread thread;
  private volatile SinkFailedException failure;
  private final AtomicLong consumed = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong deletes = new AtomicLong();

  /**
   * @param valueDeserializer turns a value of the citations topic into a {@code Citation} (the
   *     project's Confluent-wire-format deserializer in production)
   */
  public SinkService(SinkConfig config, CitationStore store,
      Deserializer<Citation> valueDeserializer) {
    this(config, store, valueDeserializer,
        new KafkaConsumer<>(config.consumerProperties(), new ByteArrayDeserializer(),
            new ByteArrayDeserializer()),
        new KafkaProducer<>(config.producerProperties(), new ByteArraySerializer(),
            new ByteArraySerializer()));
  }

  SinkService(SinkConfig config, CitationStore store, Deserializer<Citation> valueDeserializer,
      Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetters) {
    this.config = config;
    this.store = store;
    this.deserializer = valueDeserializer;
    this.consumer = consumer;
    this.deadLetters = deadLetters;
  }

  /** Starts consuming on a thread of its own. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("The sink service was already started");
    }
    thread = new Thread(this::run, "medline-sink");
    thread.start();
  }

  /** Stops after the batch in progress (or abandons it, uncommitted, if it waits for the store). */
  public void stop() throws InterruptedException {
    stopRequested.countDown();
    consumer.wakeup();
    awaitTermination();
  }

  /** Waits until the service ends: stopped, or failed (see {@link #failure}). */
  public void awaitTermination() throws InterruptedException {
    synchronized (this) {
      if (thread == null) {
        return;
      }
    }
    stopped.await();
  }

  /** Records consumed and committed so far (citations, tombstones and dead letters). */
  public long consumed() {
    return consumed.get();
  }

  /** Records sent to the dead-letter topic so far. */
  public long deadLettered() {
    return deadLettered.get();
  }

  /** Changes (citations and deletes) the store applied so far. */
  public long applied() {
    return applied.get();
  }

  /** Deletes the store applied so far. */
  public long deletes() {
    return deletes.get();
  }

  /** False once the service has failed (liveness). */
  public boolean isLive() {
    return failure == null;
  }

  /** True while consuming: started, neither stopped nor failed (readiness). */
  public synchronized boolean isReady() {
    return thread != null && stopped.getCount() > 0 && failure == null;
  }

  /** Why the service stopped by itself, if it did. */
  public Optional<SinkFailedException> failure() {
    return Optional.ofNullable(failure);
  }

  private void run() {
    try {
      consumer.subscribe(List.of(config.topic()), new CompleteBeforeRevoke());
      log.info("Sinking {} (group {}), dead letters to {}", config.topic(), config.groupId(),
          config.deadLetterTopic());
      while (stopRequested.getCount() > 0) {
        try {
          pollOnce();
        } catch (WakeupException stopping) {
          break;
        }
      }
      completeInFlight();
      log.info("Sink stopping");
    } catch (StopRequested e) {
      log.info("Sink stopping");
    } catch (SinkFailedException e) {
      failure = e;
      log.error(e.getMessage(), e);
    } catch (RuntimeException e) {
      failure = new SinkFailedException("The sink stopped on an unexpected error: " + e, e);
      log.error(failure.getMessage(), e);
    } finally {
      stopStoreThread();
      closeClients();
      stopped.countDown();
    }
  }

  /** Interrupts a batch waiting to retry, and waits for one the store is writing. */
  private void stopStoreThread() {
    storeThread.shutdownNow();
    try {
      if (!storeThread.awaitTermination(1, TimeUnit.MINUTES)) {
        log.warn("The store is still writing a batch after a minute; stopping without it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One poll: decoded and prepared here, then handed to the store's thread once the batch before
   * is complete (applied, its dead letters sent, its offsets committed). Returns the number of
   * records polled.
   */
  int pollOnce() {
    ConsumerRecords<byte[], byte[]> records = consumer.poll(config.pollTimeout());
    if (rebalanceFailure != null) {
      throw rebalanceFailure;
    }
    if (records.isEmpty()) {
      completeInFlight();
      return 0;
    }
    List<Pending> pending = new ArrayList<>();
    List<DeadLetter> undecodable = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      decode(record, pending, undecodable);
    }
    CitationStore.Prepared prepared = prepare(pending);
    completeInFlight();
    inFlight = new InFlight(records, pending, undecodable,
        storeThread.submit(() -> apply(pending, prepared)));
    return records.count();
  }

  /**
   * Waits until the store has applied the batch handed to it, then dead-letters what it refused
   * (and what could not be decoded) and commits the batch's offsets.
   */
  void completeInFlight() {
    if (inFlight == null) {
      return;
    }
    InFlight batch = inFlight;
    inFlight = null;
    List<DeadLetter> refused = await(batch.refused());
    List<DeadLetter> dead = new ArrayList<>(batch.undecodable());
    dead.addAll(refused);
    send(dead);
    commit(batch.records());
    List<Pending> pending = batch.pending();
    deadLettered.addAndGet(dead.size());
    applied.addAndGet(pending.size() - refused.size());
    deletes.addAndGet(pending.stream().filter(p -> p.change().isDelete()).count()
        - refused.stream().filter(d -> d.record().value() == null).count());
    consumed.addAndGet(batch.records().count());
  }

  private static <T> T await(Future<T> result) {
    try {
      return result.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failed) {
        throw failed;
      }
      throw new SinkFailedException("The store's thread failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StopRequested();
    }
  }

  /** Commits the batch in flight before its partitions go to another instance. */
  private final class CompleteBeforeRevoke implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      try {
        completeInFlight();
      } catch (RuntimeException e) {
        rebalanceFailure = e; // thrown after the poll, where the sink's failures are handled
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
  }

  private void decode(ConsumerRecord<byte[], byte[]> record, List<Pending> pending,
      List<DeadLetter> dead) {
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    try {
      if (record.value() == null) {
        if (key == null) {
          throw new IllegalArgumentException("A tombstone without a key: no PMID to delete");
        }
        pending.add(new Pending(record, CitationChange.delete(key)));
        return;
      }
      Citation citation = deserialize(record);
      if (citation == null) {
        throw new IllegalArgumentException("The deserializer made no citation of the value");
      }
      if (key != null && !key.equals(citation.getPmid())) {
        throw new IllegalArgumentException("Key " + key + " is not the citation's PMID "
            + citation.getPmid() + ": the citations topic must be keyed by PMID");
      }
      pending.add(new Pending(record, CitationChange.upsert(citation)));
    } catch (SinkFailedException | StopRequested e) {
      throw e;
    } catch (RuntimeException e) {
      dead.add(new DeadLetter(record, ErrorHeaders.STEP_DESERIALIZE, e));
    }
  }

  /**
   * Deserializes a value; when the schema registry, not the record, is at fault (unreachable,
   * failing, or refusing the credentials), retries as for the store and then fails the sink: such
   * a record is never dead-lettered.
   */
  private Citation deserialize(ConsumerRecord<byte[], byte[]> record) {
    RetryPolicy retry = config.retry();
    for (int attempt = 1; ; attempt++) {
      try {
        return deserializer.deserialize(record.topic(), record.headers(), record.value());
      } catch (RuntimeException e) {
        Optional<RegistryFailure> registry = RegistryFailure.in(e)
            .filter(failure -> failure.kind() != RegistryFailure.Kind.ERROR_ANSWER);
        if (registry.isEmpty()) {
          throw e;
        }
        boolean credentials = registry.get().kind() == RegistryFailure.Kind.CREDENTIALS_REFUSED;
        if (credentials || attempt >= retry.maxAttempts()) {
          throw new SinkFailedException("Cannot read " + record.topic() + "-" + record.partition()
              + "@" + record.offset() + ": " + e.getMessage() + ". Offsets of the batch were not"
              + " committed: check the schema registry's URL, credentials and TLS settings"
              + " (schema.registry.*) and restart the sink.", e);
        }
        Duration delay = retry.delayAfter(attempt);
        log.warn("Schema registry unavailable (attempt {} of {}), retrying in {} ms: {}", attempt,
            retry.maxAttempts(), delay.toMillis(), e.getMessage());
        awaitStop(delay);
      }
    }
  }

  /** The batch made ready for the store; null when the store refused to (then one by one). */
  private CitationStore.Prepared prepare(List<Pending> pending) {
    try {
      return store.prepare(pending.stream().map(Pending::change).toList());
    } catch (RecordRejectedException e) {
      logOneByOne(pending, e);
      return null;
    }
  }

  /**
   * On the store's thread: applies the prepared batch; if the store refuses it, record by record.
   * Returns the refused ones.
   */
  private List<DeadLetter> apply(List<Pending> pending, CitationStore.Prepared prepared) {
    if (pending.isEmpty()) {
      return List.of();
    }
    if (prepared != null) {
      try {
        ApplyResult result = applyWithRetry(prepared);
        log.debug("Applied {} change(s): {}", pending.size(), result);
        return List.of();
      } catch (RecordRejectedException batchRefused) {
        logOneByOne(pending, batchRefused);
      }
    }
    List<DeadLetter> refused = new ArrayList<>();
    for (Pending one : pending) {
      try {
        applyWithRetry(store.prepare(List.of(one.change())));
      } catch (RecordRejectedException e) {
        refused.add(new DeadLetter(one.record(), ErrorHeaders.STEP_STORE, e));
      }
    }
    return refused;
  }

  private static void logOneByOne(List<Pending> pending, RecordRejectedException refusal) {
    log.warn("The store refused a batch of {} change(s), applying them one by one: {}",
        pending.size(), refusal.getMessage());
  }

  private ApplyResult applyWithRetry(CitationStore.Prepared batch) {
    RetryPolicy retry = config.retry();
    long start = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      try {
        return store.apply(batch);
      } catch (StoreUnavailableException e) {
        if (attempt >= retry.maxAttempts()) {
          throw new SinkFailedException(String.format("The store stayed unavailable for %d"
              + " attempts over %d s (last error: %s). Offsets of the failed batch were not"
              + " committed: restart the sink once the store is reachable; it resumes from the"
              + " last committed offset and re-applies at most one batch.", attempt,
              Duration.ofNanos(System.nanoTime() - start).toSeconds(), e.getMessage()), e);
        }
        Duration delay = retry.delayAfter(attempt);
        log.warn("Store unavailable (attempt {} of {}), retrying in {} ms: {}", attempt,
            retry.maxAttempts(), delay.toMillis(), e.getMessage());
        awaitStop(delay);
      } catch (RecordRejectedException e) {
        throw e;
      } catch (CitationStoreException e) {
        throw new SinkFailedException("The store failed: " + e.getMessage() + ". Offsets of the"
            + " failed batch were not committed: repair the store and restart the sink.", e);
      }
    }
  }

  /** Waits, unless or until {@link #stop} is called. */
  private void awaitStop(Duration delay) {
    try {
      if (stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new StopRequested();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StopRequested();
    }
  }

  private void send(List<DeadLetter> dead) {
    if (dead.isEmpty()) {
      return;
    }
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (DeadLetter letter : dead) {
      ConsumerRecord<byte[], byte[]> record = letter.record();
      log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
          letter.error().getMessage());
      sent.add(deadLetters.send(toDeadLetter(letter)));
    }
    deadLetters.flush();
    for (Future<RecordMetadata> future : sent) {
      try {
        future.get();
      } catch (ExecutionException e) {
        throw new SinkFailedException("Cannot write to the dead-letter topic "
            + config.deadLetterTopic() + " (" + e.getCause() + "). Offsets of the batch were not"
            + " committed: check the topic and restart the sink.", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StopRequested();
      }
    }
  }

  private ProducerRecord<byte[], byte[]> toDeadLetter(DeadLetter letter) {
    ConsumerRecord<byte[], byte[]> record = letter.record();
    Headers headers = new RecordHeaders(record.headers().toArray());
    String reason = String.valueOf(letter.error().getMessage());
    RawHeaders.put(headers, ErrorHeaders.STAGE, ErrorHeaders.STAGE_SINK);
    RawHeaders.put(headers, ErrorHeaders.STEP, letter.step());
    RawHeaders.put(headers, ErrorHeaders.REASON, reason.length() > MAX_REASON_LENGTH
        ? reason.substring(0, MAX_REASON_LENGTH) + "…" : reason);
    RawHeaders.put(headers, ErrorHeaders.EXCEPTION, innermost(letter.error()).getClass().getName());
    RawHeaders.put(headers, ErrorHeaders.TOPIC, record.topic());
    RawHeaders.put(headers, ErrorHeaders.PARTITION, Integer.toString(record.partition()));
    RawHeaders.put(headers, ErrorHeaders.OFFSET, Long.toString(record.offset()));
    return new ProducerRecord<>(config.deadLetterTopic(), null, record.key(), record.value(),
        headers);
  }

  private static Throwable innermost(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private void commit(ConsumerRecords<byte[], byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> list = records.records(partition);
      offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
    }
    try {
      try {
        consumer.commitSync(offsets);
      } catch (WakeupException stopArrivedDuringTheBatch) {
        consumer.commitSync(offsets); // the wakeup is spent; the loop ends after this batch
      }
    } catch (CommitFailedException | RebalanceInProgressException e) {
      log.warn("Offsets not committed, the group rebalanced: the partitions' new owner re-applies"
          + " the batch, harmlessly", e);
    }
  }

  private void closeClients() {
    try {
      consumer.close();
    } catch (RuntimeException e) {
      log.warn("Closing the consumer failed", e);
    }
    try {
      deadLetters.close();
    } catch (RuntimeException e) {
      log.warn("Closing the dead-letter producer failed", e);
    }
  }
}
