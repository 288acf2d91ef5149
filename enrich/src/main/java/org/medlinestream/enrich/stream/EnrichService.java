package org.medlinestream.enrich.stream;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.medlinestream.enrich.stream.EnrichMetrics.Counter;
import org.medlinestream.monitoring.MonitoringServer;
import org.medlinestream.monitoring.PrometheusText;
import org.medlinestream.schemas.TopicCatalogue;
import org.medlinestream.schemas.registry.RegistryFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich stage as a service: {@link #start()} creates the missing topics, starts the {@link
 * EnrichTopology} in Kafka Streams and the metrics and health endpoints; {@link #close()} stops
 * them. A stream thread that dies of an uncaught exception is replaced (its tasks resume from their
 * last commit), so the service keeps going; state changes are logged.
 *
 * <pre>{@code
 * EnrichService enrich = new EnrichService(config);
 * enrich.start();
 * Runtime.getRuntime().addShutdownHook(new Thread(enrich::close));
 * }</pre>
 */
public final class EnrichService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EnrichService.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

  private final EnrichConfig config;
  private final EnrichMetrics metrics = new EnrichMetrics();
  private final CountDownLatch running = new CountDownLatch(1);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile RuntimeException failure;
  private StreamTopics topics;
  private volatile KafkaStreams streams;
  private volatile MonitoringServer http;

  public EnrichService(EnrichConfig config) {
    this.config = config;
  }

  /**
   * Creates the missing topics (when configured to), then starts processing and the endpoints.
   * Kafka Streams' internal topics (the revision store's changelog) are replicated like the
   * pipeline's topics.
   *
   * @throws org.apache.kafka.common.KafkaException when Kafka cannot be reached to count its brokers
   *     or create the topics
   */
  public synchronized void start() {
    if (streams != null) {
      throw new IllegalStateException("enrich is started already");
    }
    topics = config.topics();
    short replication;
    try (Admin admin = Admin.create(config.adminConfig())) {
      replication = TopicCatalogue.replication(admin, config.replication());
      if (config.createTopics()) {
        topics.createMissing(admin, config.partitions(), replication);
      }
    }
    Properties props = config.streamsProperties(replication);
    props.put(DeadLetterExceptionHandler.METRICS_CONFIG, metrics);
    streams = new KafkaStreams(EnrichTopology.build(topics, metrics, PipelineVersion.current()), props);
    streams.setStateListener(this::stateChanged);
    streams.setUncaughtExceptionHandler(this::threadFailed);
    if (config.httpPort() >= 0) {
      http = MonitoringServer.start(config.httpHost(), config.httpPort(),
          () -> PrometheusText.render(streams.metrics(), metrics.metrics()), this::isLive, this::isReady);
    }
    streams.start();
    log.info("Enrich started: {} -> {} (dead letters to {}), application id {}", topics.raw(), topics.citations(),
        topics.dlq(), config.applicationId());
  }

  /** Waits until Kafka Streams is RUNNING for the first time; false when {@code timeout} passed first. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until Kafka Streams has stopped: closed, or failed for good (state ERROR). */
  public void awaitEnd() throws InterruptedException {
    ended.await();
  }

  /** Why enrich stopped by itself, if it did for a reason that needs the user (see {@link #threadFailed}). */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  /** Kafka Streams' state, or {@code CREATED} before {@link #start()}. */
  public State state() {
    KafkaStreams streams = this.streams;
    return streams == null ? State.CREATED : streams.state();
  }

  /** Alive: started and not failed or stopped. */
  public boolean isLive() {
    State state = state();
    return state != State.ERROR && state != State.PENDING_ERROR && state != State.NOT_RUNNING
        && state != State.PENDING_SHUTDOWN;
  }

  /** Ready: processing ({@code RUNNING}), not rebalancing or restoring. */
  public boolean isReady() {
    return state() == State.RUNNING;
  }

  public EnrichMetrics metrics() {
    return metrics;
  }

  /** The Kafka Streams instance, for its metadata (tasks, state stores); null before {@link #start()}. */
  public KafkaStreams streams() {
    return streams;
  }

  /** The port of the HTTP endpoints; -1 when there are none. */
  public int httpPort() {
    MonitoringServer http = this.http;
    return http == null ? -1 : http.port();
  }

  /** Stops processing (committing what was processed) and the endpoints. */
  @Override
  public synchronized void close() {
    if (streams != null && !streams.close(CLOSE_TIMEOUT)) {
      log.warn("Kafka Streams did not stop within {} s", CLOSE_TIMEOUT.toSeconds());
    }
    if (http != null) {
      http.close();
    }
    if (topics != null) {
      topics.close();
    }
    metrics.close();
  }

  /**
   * A stream thread's failure: replaced (its tasks resume from their last commit), unless the
   * schema registry refused the credentials, which no retry mends: then enrich stops, with
   * {@link #failure()} saying what to do.
   */
  private StreamThreadExceptionResponse threadFailed(Throwable exception) {
    Optional<RegistryFailure> refusal = RegistryFailure.in(exception)
        .filter(registry -> registry.kind() == RegistryFailure.Kind.CREDENTIALS_REFUSED);
    if (refusal.isPresent()) {
      failure = new IllegalStateException("The schema registry at " + config.registryUrl()
          + " refused enrich's credentials ("
          + refusal.get().error().getMessage()
          + "); nothing was committed for the records in hand: check "
          + "schema.registry.basic.auth.user.info and the registry's TLS settings "
          + "(schema.registry.*), then restart enrich", exception);
      log.error(failure.getMessage());
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    log.error("A stream thread of enrich failed; replacing it (its tasks resume from their last commit)", exception);
    metrics.count(Counter.THREADS_REPLACED);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  private void stateChanged(State now, State before) {
    log.info("Enrich {} -> {}", before, now);
    if (now == State.RUNNING) {
      running.countDown();
    } else if (now == State.ERROR) {
      log.error("Enrich stopped processing (state ERROR): every stream thread has died; see the errors above");
    }
    if (now == State.ERROR || now == State.NOT_RUNNING) {
      ended.countDown();
    }
  }
}
