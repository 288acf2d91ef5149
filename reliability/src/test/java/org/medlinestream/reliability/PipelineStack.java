package org.medlinestream.reliability;

import java.nio.file.Files;
import java.nio.file.Path;

/** The setup every pipeline test shares: the topics, the drop folder and the three services. */
final class PipelineStack {
  private PipelineStack() {}

  /**
   * Creates the pipeline's topics and drop folder, starts ingest, enrich and the sink into {@code
   * sinkTarget} (with {@code sinkOptions}) under {@code services}; returns the drop folder.
   */
  static Path start(Pipeline pipeline, Services services, String sinkTarget, int batchSize,
      String... sinkOptions) throws Exception {
    pipeline.createTopics();
    Path drop = Files.createDirectories(pipeline.dropDir());
    services.start("ingest", pipeline::startIngest);
    services.start("enrich", pipeline::startEnrich);
    services.start("sink", () -> pipeline.startSink(sinkTarget, batchSize, sinkOptions));
    return drop;
  }
}
