package org.medlinestream.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.medlinestream.enrich.stream.EnrichMetrics.Counter;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.RawHeaders;
import org.medlinestream.schemas.registry.RegistryUnreachableException;

class DeadLetterExceptionHandlerTest {
  private static final byte[] KEY = {'4', '2'};
  private static final byte[] RAW = {'P', 'M', 'I', 'D', '-', ' ', '4', '2'};

  private final EnrichMetrics metrics = new EnrichMetrics();
  private final DeadLetterExceptionHandler handler = new DeadLetterExceptionHandler();
  private final Headers headers = new RecordHeaders();
  private final ErrorHandlerContext context = new Context(headers);

  DeadLetterExceptionHandlerTest() {
    handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dead",
        DeadLetterExceptionHandler.METRICS_CONFIG, metrics));
    RawHeaders.put(headers, RawHeaders.SOURCE, "a.txt");
  }

  @Test
  void deadLettersTheRawRecordOfACitationThatCannotBeSerialized() {
    ProductionExceptionHandler.Response response = handler.handleSerializationError(context,
        new ProducerRecord<>("citations", "42", "citation"), new SerializationException("bad union"),
        SerializationExceptionOrigin.VALUE);

    assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
    assertDeadLetter(response.deadLetterQueueRecords(), "serialize", "bad union");
    assertThat(RawHeaders.get(headers, ErrorHeaders.STEP)).as("the original headers are left alone").isNull();
  }

  @Test
  void failsSoThatTheRecordIsRetriedWhenTheRegistryIsTheProblem() {
    ProductionExceptionHandler.Response response = handler.handleSerializationError(context,
        new ProducerRecord<>("citations", "42", "citation"),
        new SerializationException("no", new RegistryUnreachableException("http://r", new java.io.IOException("refused"))),
        SerializationExceptionOrigin.VALUE);

    assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
    assertThat(metrics.total(Counter.DEAD_LETTERS)).isZero();
  }

  @Test
  void deadLettersARecordThatCannotBeDeserialized() {
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("raw", 3, 17L, 5L, TimestampType.CREATE_TIME,
        KEY.length, RAW.length, KEY, RAW, headers, java.util.Optional.empty());

    DeserializationExceptionHandler.Response response =
        handler.handleError(context, record, new SerializationException("unreadable"));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertDeadLetter(response.deadLetterQueueRecords(), "deserialize", "unreadable");
  }

  @Test
  void retriesRetriableSendErrorsAndFailsOnOthers() {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("citations", KEY, RAW);
    assertThat(handler.handleError(context, record, new TimeoutException("slow")).result())
        .isEqualTo(ProductionExceptionHandler.Result.RETRY);
    assertThat(handler.handleError(context, record, new RecordTooLargeException("big")).result())
        .isEqualTo(ProductionExceptionHandler.Result.FAIL);
  }

  private void assertDeadLetter(List<ProducerRecord<byte[], byte[]>> records, String step, String reason) {
    assertThat(records).hasSize(1);
    ProducerRecord<byte[], byte[]> dead = records.get(0);
    assertThat(dead.topic()).isEqualTo("dead");
    assertThat(dead.key()).isEqualTo(KEY);
    assertThat(dead.value()).isEqualTo(RAW);
    assertThat(RawHeaders.get(dead.headers(), RawHeaders.SOURCE)).isEqualTo("a.txt");
    assertThat(RawHeaders.get(dead.headers(), ErrorHeaders.STAGE)).isEqualTo(ErrorHeaders.STAGE_ENRICH);
    assertThat(RawHeaders.get(dead.headers(), ErrorHeaders.STEP)).isEqualTo(step);
    assertThat(RawHeaders.get(dead.headers(), ErrorHeaders.REASON)).isEqualTo(reason);
    assertThat(RawHeaders.get(dead.headers(), ErrorHeaders.EXCEPTION)).isEqualTo(SerializationException.class.getName());
    assertThat(RawHeaders.get(dead.headers(), ErrorHeaders.TOPIC)).isEqualTo("raw");
    assertThat(RawHeaders.get(dead.headers(), ErrorHeaders.PARTITION)).isEqualTo("3");
    assertThat(RawHeaders.get(dead.headers(), ErrorHeaders.OFFSET)).isEqualTo("17");
    assertThat(RawHeaders.get(dead.headers(), ErrorHeaders.SOURCE)).isEqualTo("a.txt");
    assertThat(metrics.total(Counter.DEAD_LETTERS)).isEqualTo(1);
  }

  /** Where the failed record was read: raw-3@17, with its key, bytes and headers. */
  private record Context(Headers headers) implements ErrorHandlerContext {
    @Override
    public String topic() {
      return "raw";
    }

    @Override
    public int partition() {
      return 3;
    }

    @Override
    public long offset() {
      return 17;
    }

    @Override
    public String processorNodeId() {
      return "citations";
    }

    @Override
    public TaskId taskId() {
      return new TaskId(0, 3);
    }

    @Override
    public long timestamp() {
      return 5;
    }

    @Override
    public byte[] sourceRawKey() {
      return KEY;
    }

    @Override
    public byte[] sourceRawValue() {
      return RAW;
    }
  }
}
