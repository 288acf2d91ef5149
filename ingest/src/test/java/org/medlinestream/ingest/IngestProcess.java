package org.medlinestream.ingest;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ingest in a JVM of its own ({@link org.medlinestream.embedded.ChildJvm} starts it), on the topics
 * of {@link TestIngestConfig#builder(String, String)} with {@code SUFFIX}:
 *
 * <pre>
 * IngestProcess watch BOOTSTRAP SUFFIX DIR        watches DIR until killed; prints {@value
 *                                                 #COMMITTED} once records are committed
 * IngestProcess synthetic BOOTSTRAP SUFFIX BYTES  publishes BYTES of {@link SyntheticMedline} as
 *                                                 its standard input (made up as it is read),
 *                                                 then prints {@value #RESULT} with the figures
 * </pre>
 */
public final class IngestProcess {
  static final String COMMITTED = "INGEST-PROCESS-COMMITTED";
  static final String RESULT = "INGEST-PROCESS-RESULT";
  /** Small chunks in the child: it is killed soon after its first commit. */
  private static final int WATCH_CHUNK_RECORDS = 500;
  private static final long FIRST_SYNTHETIC_PMID = 100_000_000;

  private IngestProcess() {}

  public static void main(String[] args) throws Exception {
    IngestConfig.Builder config = TestIngestConfig.builder(args[1], args[2]);
    if (args[0].equals("watch")) {
      watch(watchConfig(config.chunkRecords(WATCH_CHUNK_RECORDS)), Path.of(args[3]));
    } else {
      publishSynthetic(config.build(), Long.parseLong(args[3]));
    }
  }

  /** The settings of a watching child, and of the ingest that takes over after it. */
  static IngestConfig watchConfig(IngestConfig.Builder config) {
    return config.stableFor(Duration.ZERO)
        .pollInterval(Duration.ofMillis(100))
        .build();
  }

  private static void watch(IngestConfig config, Path dir) throws InterruptedException {
    IngestService ingest = IngestService.watching(config, new DropFolder(dir, config));
    ingest.start();
    while (ingest.progress().records() == 0) {
      Thread.sleep(5);
    }
    System.out.println(COMMITTED);
    ingest.awaitTermination();
  }

  private static void publishSynthetic(IngestConfig config, long totalBytes) throws Exception {
    SyntheticMedline.Records input = SyntheticMedline.fromSharedData().stream(0, totalBytes,
        FIRST_SYNTHETIC_PMID);
    System.setIn(input);
    IngestService ingest = IngestService.forInputs(config, List.of(Source.STDIN_NAME));
    HeapWatch heap = new HeapWatch(ingest, totalBytes);
    long start = System.nanoTime();
    ingest.start();
    Thread sampler = new Thread(heap::sampleForever, "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
    IngestSummary summary = ingest.awaitTermination();
    heap.sample();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%s generated=%d records=%d inputMB=%.1f seconds=%.1f inputMBps=%.1f"
            + " peakHeapMiB=%d liveHeapAfterGcMiBByTenth=%s%n", RESULT, input.count(), summary.records(),
        summary.inputBytesRead() / 1e6, seconds, summary.inputBytesRead() / 1e6 / seconds,
        heap.peakMiB(), heap.liveByTenth());
    System.exit(0);
  }

  /** The heap in use right after the latest collection, highest per tenth of the input read. */
  private static final class HeapWatch {
    private final IngestService ingest;
    private final long totalBytes;
    private final long[] liveByTenth = new long[10];
    private final List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPoolNames =
        heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    HeapWatch(IngestService ingest, long totalBytes) {
      this.ingest = ingest;
      this.totalBytes = totalBytes;
    }

    void sampleForever() {
      try {
        while (true) {
          sample();
          Thread.sleep(250);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    synchronized void sample() {
      long read = ingest.progress().inputBytesRead();
      int tenth = (int) Math.min(9, read * 10 / Math.max(1, totalBytes));
      liveByTenth[tenth] = Math.max(liveByTenth[tenth], liveAfterLastGc());
    }

    private long liveAfterLastGc() {
      long live = 0;
      for (var gc : ManagementFactory.getPlatformMXBeans(GarbageCollectorMXBean.class)) {
        GcInfo info = gc.getLastGcInfo();
        if (info != null) {
          live = Math.max(live, info.getMemoryUsageAfterGc().entrySet().stream()
              .filter(e -> heapPoolNames.contains(e.getKey()))
              .mapToLong(e -> e.getValue().getUsed()).sum());
        }
      }
      return live;
    }

    long peakMiB() {
      return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    synchronized String liveByTenth() {
      return Arrays.stream(liveByTenth).mapToObj(b -> Long.toString(b >> 20))
          .collect(Collectors.joining(","));
    }
  }
}
