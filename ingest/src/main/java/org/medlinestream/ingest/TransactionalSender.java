package org.medlinestream.ingest;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An idempotent, transactional producer that sends in chunks: {@link #send} opens a transaction
 * when none is open, {@link #commit} ends it with a last record (the checkpoint). When the
 * producer's buffer is full, {@link #send} blocks: reading waits for the broker (back-pressure).
 *
 * <p>A failed chunk is aborted and reported as a {@link TransactionAbortedException}, after which
 * the sender can be used again; fencing by another instance with the same {@code
 * transactional.id} and other unrecoverable errors are an {@link IngestException}.
 */
final class TransactionalSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TransactionalSender.class);

  private final Producer<byte[], byte[]> producer;
  private final String transactionalId;
  private boolean inTransaction;
  private boolean closed;

  TransactionalSender(Producer<byte[], byte[]> producer, String transactionalId) {
    this.producer = producer;
    this.transactionalId = transactionalId;
    try {
      producer.initTransactions();
    } catch (KafkaException e) {
      producer.close(Duration.ZERO);
      throw new IngestException("cannot start transactions with transactional.id "
          + transactionalId + " on Kafka: " + e.getMessage(), e);
    }
  }

  /** A sender on a new producer; {@code initTransactions} fences an older process with the id. */
  static TransactionalSender create(IngestConfig config, String transactionalId) {
    return new TransactionalSender(
        new KafkaProducer<>(producerConfig(config, transactionalId), new ByteArraySerializer(),
            new ByteArraySerializer()),
        transactionalId);
  }

  static Map<String, Object> producerConfig(IngestConfig config, String transactionalId) {
    Map<String, Object> props = config.producerProperties();
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    // The first send of a chunk is refused (CONCURRENT_TRANSACTIONS) until the broker has
    // written the previous chunk's commit markers: retry soon rather than after 100 ms.
    props.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
    return props;
  }

  String transactionalId() {
    return transactionalId;
  }

  void send(ProducerRecord<byte[], byte[]> record) {
    try {
      if (!inTransaction) {
        producer.beginTransaction();
        inTransaction = true;
      }
      producer.send(record);
    } catch (KafkaException e) {
      throw failed("sending to " + record.topic(), e);
    }
  }

  /** Sends {@code last} and commits the open transaction with everything sent since it began. */
  void commit(ProducerRecord<byte[], byte[]> last) {
    send(last);
    commit();
  }

  /** Commits the open transaction, if any. */
  void commit() {
    if (!inTransaction) {
      return;
    }
    try {
      producer.commitTransaction();
      inTransaction = false;
    } catch (KafkaException e) {
      throw failed("committing", e);
    }
  }

  private IngestException failed(String what, KafkaException e) {
    if (isFatal(e)) {
      close();
      boolean fencedOut =
          e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException;
      String fenced = fencedOut
          ? ": another ingest with the same transactional.id has started and took over; run one"
              + " ingest per drop folder or give each its own transactional id"
          : "";
      return new IngestException("Kafka refused ingest's transaction (transactional.id "
          + transactionalId + ") while " + what + fenced + ": " + e.getMessage(), e);
    }
    try {
      if (inTransaction) {
        producer.abortTransaction();
        inTransaction = false;
      }
    } catch (KafkaException abortFailure) {
      e.addSuppressed(abortFailure);
      close();
      return new IngestException("Kafka failed while " + what + " and the transaction could not"
          + " be aborted (transactional.id " + transactionalId + "); nothing of it is committed,"
          + " restart ingest to resume from the last checkpoint: " + e.getMessage(), e);
    }
    log.warn("Transaction aborted while {}: {}", what, e.toString());
    return new TransactionAbortedException("Kafka failed while " + what
        + "; the transaction was aborted and will be retried from the last checkpoint: "
        + e.getMessage(), e);
  }

  private static boolean isFatal(KafkaException e) {
    return e instanceof ProducerFencedException
        || e instanceof InvalidProducerEpochException
        || e instanceof OutOfOrderSequenceException
        || e instanceof AuthorizationException
        || e instanceof UnsupportedVersionException;
  }

  /** Closes the producer; an open transaction is left to be aborted by the broker or fenced. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      producer.close(Duration.ofSeconds(30));
    }
  }
}
