package org.medlinestream.app.bench;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.medlinestream.avro.Citation;
import org.medlinestream.sink.CitationStore;
import org.medlinestream.sink.SinkService;

/** A sink service consuming a stage's citations topic into a store, counting the bytes read. */
final class RunningSink implements AutoCloseable {
  private final SinkService sink;
  private final AtomicLong bytes = new AtomicLong();

  private RunningSink(BenchRun run, StageTopics topics, String stage, CitationStore store) {
    Deserializer<Citation> citations = run.citationDeserializer();
    Deserializer<Citation> counting = new Deserializer<>() {
      @Override
      public Citation deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
      }

      @Override
      public Citation deserialize(String topic, Headers headers, byte[] data) {
        bytes.addAndGet(data == null ? 0 : data.length);
        return citations.deserialize(topic, headers, data);
      }
    };
    this.sink = new SinkService(run.sinkConfig(topics, stage), store, counting);
  }

  /** Starts consuming {@code topics.citations()} into {@code store} in a group of its own. */
  static RunningSink start(BenchRun run, StageTopics topics, String stage, CitationStore store) {
    RunningSink running = new RunningSink(run, topics, stage, store);
    running.sink.start();
    return running;
  }

  /** Records applied to the store and committed so far. */
  long consumed() {
    return sink.consumed();
  }

  /** Bytes of the citations (Avro, wire format) read so far. */
  long bytes() {
    return bytes.get();
  }

  Optional<String> failure() {
    return sink.failure().map(Throwable::getMessage);
  }

  /** Stops the sink after its batch in progress. */
  @Override
  public void close() {
    try {
      sink.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
