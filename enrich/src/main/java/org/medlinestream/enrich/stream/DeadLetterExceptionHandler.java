package org.medlinestream.enrich.stream;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.medlinestream.enrich.stream.EnrichMetrics.Counter;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.Topics;
import org.medlinestream.schemas.registry.RegistryFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' deserialization and production exception handler for the enrich stage: a record
 * that cannot be read, or whose output cannot be serialized, goes to the dead-letter topic ({@value
 * StreamsConfig#ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG}) with its original key, bytes and
 * headers plus the {@link DeadLetters} headers, in the same transaction, and processing goes on. A
 * schema-registry failure is retried instead (the thread fails and is replaced), as is a retriable
 * send error; other send errors fail. The topology reads and writes bytes and serializes in its own
 * step, so this is the safety net for serdes given to it later.
 */
public final class DeadLetterExceptionHandler implements DeserializationExceptionHandler, ProductionExceptionHandler {
  /** Config key of the {@link EnrichMetrics} to count dead letters in (optional). */
  public static final String METRICS_CONFIG = "medline.enrich.metrics";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);

  private String dlqTopic = Topics.DLQ;
  private EnrichMetrics metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    if (topic != null) {
      dlqTopic = topic.toString();
    }
    metrics = (EnrichMetrics) configs.get(METRICS_CONFIG);
  }

  @Override
  public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
      ConsumerRecord<byte[], byte[]> record, Exception exception) {
    return DeserializationExceptionHandler.Response.resume(List.of(
        deadLetter(context, record.key(), record.value(), record.headers(), ErrorHeaders.STEP_DESERIALIZE, exception)));
  }

  @Override
  public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
      ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
    if (RegistryFailure.in(exception).isPresent()) {
      // the registry's fault, not the record's: the task fails and retries, nothing dead-lettered
      return ProductionExceptionHandler.Response.fail();
    }
    return ProductionExceptionHandler.Response.resume(List.of(deadLetter(context, context.sourceRawKey(),
        context.sourceRawValue(), context.headers(), ErrorHeaders.STEP_SERIALIZE, exception)));
  }

  @Override
  public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
      ProducerRecord<byte[], byte[]> record, Exception exception) {
    return exception instanceof RetriableException
        ? ProductionExceptionHandler.Response.retry()
        : ProductionExceptionHandler.Response.fail();
  }

  private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
      Headers original, String step, Exception exception) {
    Headers headers = new RecordHeaders(original.toArray());
    DeadLetters.describe(headers, step, exception, 0, context.topic(), context.partition(), context.offset());
    log.error("record {}-{}@{} sent to {} at {}", context.topic(), context.partition(), context.offset(), dlqTopic,
        step, exception);
    if (metrics != null) {
      metrics.count(Counter.DEAD_LETTERS);
    }
    return new ProducerRecord<>(dlqTopic, null, context.timestamp() >= 0 ? context.timestamp() : null, key, value,
        headers);
  }
}
