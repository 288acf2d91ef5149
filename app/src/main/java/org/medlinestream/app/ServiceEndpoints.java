package org.medlinestream.app;

import java.util.function.BooleanSupplier;
import org.medlinestream.ingest.IngestService;
import org.medlinestream.monitoring.MonitoringServer;
import org.medlinestream.monitoring.PrometheusText;
import org.medlinestream.monitoring.ServiceCounters;
import org.medlinestream.sink.SinkService;

/**
 * The HTTP endpoints of ingest and sink on {@code http.port}: their counters as Prometheus metrics,
 * liveness and readiness (the enrich service serves its own, with Kafka Streams' metrics).
 */
final class ServiceEndpoints {
  private static final String ANY_ADDRESS = "0.0.0.0";

  private ServiceEndpoints() {}

  /** Serves ingest's endpoints; null when {@code http.port} is -1. */
  static MonitoringServer ingest(AppConfig settings, IngestService ingest) {
    ServiceCounters counters = new ServiceCounters("medline-ingest")
        .counter("files-done", "input files read to the end (published, failed or done before)",
            () -> ingest.progress().filesDone())
        .counter("files-failed", "input files that could not be published",
            () -> ingest.progress().filesFailed())
        .counter("records-published", "records committed to the raw topic, deletes included",
            () -> ingest.progress().records())
        .counter("deletes-published", "tombstones committed for deleted citations",
            () -> ingest.progress().deletes())
        .counter("rejected", "inputs refused to the dead-letter topic",
            () -> ingest.progress().rejected())
        .counter("bytes-published", "bytes of record values committed",
            () -> ingest.progress().bytes());
    return serve(settings, counters, ingest::isLive, ingest::isReady);
  }

  /** Serves sink's endpoints; null when {@code http.port} is -1. */
  static MonitoringServer sink(AppConfig settings, SinkService sink) {
    ServiceCounters counters = new ServiceCounters("medline-sink")
        .counter("records-consumed", "records consumed and committed", sink::consumed)
        .counter("changes-applied", "citations and deletes the store applied", sink::applied)
        .counter("deletes-applied", "deletes the store applied", sink::deletes)
        .counter("dead-letters", "records sent to the dead-letter topic", sink::deadLettered);
    return serve(settings, counters, sink::isLive, sink::isReady);
  }

  /** {@code "; metrics on http://localhost:8080/metrics"}, or nothing without endpoints. */
  static String where(MonitoringServer endpoints) {
    return endpoints == null ? ""
        : "; metrics on http://localhost:" + endpoints.port() + MonitoringServer.METRICS_PATH;
  }

  private static MonitoringServer serve(AppConfig settings, ServiceCounters counters,
      BooleanSupplier live, BooleanSupplier ready) {
    int port = settings.httpPort();
    return port < 0 ? null : MonitoringServer.start(ANY_ADDRESS, port,
        () -> PrometheusText.render(counters.metrics()), live, ready);
  }
}
