package org.medlinestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.avro.Citation;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.ingest.DropFolder;
import org.medlinestream.ingest.IngestConfig;
import org.medlinestream.ingest.IngestService;
import org.medlinestream.monitoring.MonitoringServer;
import org.medlinestream.sink.CitationStore;
import org.medlinestream.sink.CitationStores;
import org.medlinestream.sink.SinkConfig;
import org.medlinestream.sink.SinkService;

/** Ingest and sink serve their counters and health on http.port, on the real broker. */
class ServiceEndpointsTest {
  private static final AppConfig ANY_PORT = AppConfig.defaults().with("http.port", "0", "test");
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  @Test
  void aWatchingIngestIsReadyUntilStoppedAndCountsWhatItPublished() throws Exception {
    String prefix = "ep" + UUID.randomUUID().toString().substring(0, 8);
    IngestConfig config = IngestConfig.builder(TestKafka.bootstrap())
        .rawTopic(prefix + ".raw").dlqTopic(prefix + ".dlq")
        .checkpointTopic(prefix + ".checkpoints").partitions(1).build();
    IngestService ingest =
        IngestService.watching(config, new DropFolder(dir, config));

    try (MonitoringServer endpoints = ServiceEndpoints.ingest(ANY_PORT, ingest)) {
      assertThat(status(endpoints, MonitoringServer.READY_PATH)).isEqualTo(503);
      ingest.start();
      assertThat(status(endpoints, MonitoringServer.READY_PATH)).isEqualTo(200);
      assertThat(status(endpoints, MonitoringServer.LIVE_PATH)).isEqualTo(200);
      assertThat(body(endpoints, MonitoringServer.METRICS_PATH))
          .contains("# TYPE medline_ingest_records_published_total counter\n")
          .contains("medline_ingest_files_done_total 0\n")
          .contains("medline_ingest_bytes_published_total 0\n");
      ingest.stop();
      assertThat(status(endpoints, MonitoringServer.READY_PATH)).isEqualTo(503);
    }
  }

  @Test
  void aRunningSinkIsReadyUntilStoppedAndCountsWhatItApplied() throws Exception {
    Deserializer<Citation> unused = (topic, bytes) -> null;
    SinkConfig config = new SinkConfig(TestKafka.bootstrap(), "ep-" + UUID.randomUUID(),
        "ep-" + UUID.randomUUID(), "ep-dlq", 10, Duration.ofMillis(200),
        SinkConfig.defaults(TestKafka.bootstrap()).retry(), Map.of());

    try (CitationStore store = CitationStores.open("jsonl:" + dir.resolve("out"))) {
      SinkService sink = new SinkService(config, store, unused);
      try (MonitoringServer endpoints = ServiceEndpoints.sink(ANY_PORT, sink)) {
        sink.start();
        assertThat(status(endpoints, MonitoringServer.READY_PATH)).isEqualTo(200);
        assertThat(body(endpoints, MonitoringServer.METRICS_PATH))
            .contains("medline_sink_changes_applied_total 0\n")
            .contains("medline_sink_deletes_applied_total 0\n")
            .contains("medline_sink_dead_letters_total 0\n");
        sink.stop();
        assertThat(status(endpoints, MonitoringServer.READY_PATH)).isEqualTo(503);
        assertThat(status(endpoints, MonitoringServer.LIVE_PATH)).isEqualTo(200);
      }
    }
  }

  private HttpResponse<String> get(MonitoringServer endpoints, String path)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + endpoints.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int status(MonitoringServer endpoints, String path)
      throws IOException, InterruptedException {
    return get(endpoints, path).statusCode();
  }

  private String body(MonitoringServer endpoints, String path)
      throws IOException, InterruptedException {
    return get(endpoints, path).body();
  }
}
