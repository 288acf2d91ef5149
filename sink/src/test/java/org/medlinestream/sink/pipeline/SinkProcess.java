package org.medlinestream.sink.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.medlinestream.sink.ApplyResult;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.CitationStore;
import org.medlinestream.sink.CitationStores;
import org.medlinestream.sink.RetryPolicy;
import org.medlinestream.sink.SinkConfig;
import org.medlinestream.sink.SinkService;

/**
 * A sink in a JVM of its own, for the crash tests ({@link ChildSink} starts it):
 *
 * <pre>SinkProcess BOOTSTRAP REGISTRY_URL TOPIC DLQ_TOPIC GROUP TARGET BATCH_SIZE PAUSE_AFTER</pre>
 *
 * <p>It prints {@code applying N} before and {@code applied N} after each batch the store applies.
 * With {@code PAUSE_AFTER} above 0 it prints {@code paused} after that many batches, once the store
 * has committed the batch but before the sink commits its offsets, and hangs there, waiting to be
 * killed. It stops when its standard input ends; exit code 1 when the sink failed.
 */
public final class SinkProcess {
  /** A static member: a restarted sink takes over the killed one's partitions at once. */
  static final String INSTANCE_ID = "crash-test-sink";

  private SinkProcess() {}

  public static void main(String[] args) throws Exception {
    SinkConfig config = new SinkConfig(args[0], args[4], args[2], args[3],
        Integer.parseInt(args[6]), Duration.ofMillis(200), RetryPolicy.defaults(),
        Map.of("group.instance.id", INSTANCE_ID));
    int pauseAfter = Integer.parseInt(args[7]);
    try (CitationStore store = new Reporting(CitationStores.open(args[5]), pauseAfter)) {
      SinkService sink = new SinkService(config, store, PipelineKafka.deserializer(args[1]));
      sink.start();
      Thread stopper = new Thread(() -> stopAtEndOfInput(sink), "stdin-watch");
      stopper.setDaemon(true);
      stopper.start();
      sink.awaitTermination();
      if (sink.failure().isPresent()) {
        System.out.println("failed: " + sink.failure().get().getMessage());
        System.exit(1);
      }
    }
    System.exit(0);
  }

  private static void stopAtEndOfInput(SinkService sink) {
    try {
      while (System.in.read() != -1) {
        // the parent never writes; it closes the stream to stop the sink
      }
      sink.stop();
    } catch (IOException | InterruptedException e) {
      System.out.println("cannot wait for the end of input: " + e);
    }
  }

  /** Prints each batch around the real store, and hangs after the chosen one. */
  private static final class Reporting implements CitationStore {
    private final CitationStore store;
    private final int pauseAfter;
    private int batches;

    Reporting(CitationStore store, int pauseAfter) {
      this.store = store;
      this.pauseAfter = pauseAfter;
    }

    @Override
    public ApplyResult apply(List<CitationChange> changes) {
      System.out.println("applying " + changes.size());
      ApplyResult result = store.apply(changes);
      System.out.println("applied " + changes.size());
      if (++batches == pauseAfter) {
        System.out.println("paused");
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return result;
    }

    @Override
    public void close() {
      store.close();
    }
  }
}
