package org.medlinestream.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.medlinestream.embedded.KafkaCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-machine stack: a real Kafka broker (KRaft, in its own JVM) with the pipeline topics,
 * keeping its data in one folder so that it survives a restart.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().dataDir(Path.of("data")).start()) {
 *   String bootstrap = stack.bootstrapServers();
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final LocalDataDir data;
  private KafkaCluster kafka;
  private List<TopicCreator.Status> topics = List.of();

  private LocalStack(LocalDataDir data) {
    this.data = data;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code localhost:<kafka port>}. */
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public Path dataDir() {
    return data.path();
  }

  /** Empty while every part runs; else what stopped, and where to look. */
  public Optional<String> failure() {
    return kafka.nodes().stream()
        .filter(node -> !node.isAlive())
        .findFirst()
        .map(node -> "the Kafka broker exited unexpectedly; its log is " + node.logFile());
  }

  /** What was found or created for each pipeline topic at start. */
  public List<TopicCreator.Status> topics() {
    return topics;
  }

  /** Stops the broker (a controlled shutdown; its JVM is gone when this returns). */
  @Override
  public void close() {
    log.info("Stopping the local stack");
    if (kafka != null) {
      kafka.close();
    }
    try {
      data.close();
    } catch (IOException e) {
      log.warn("Could not unlock {}: {}", data.path(), e.getMessage());
    }
    log.info("Local stack stopped");
  }

  /** Settings of a stack to start. */
  public static final class Builder {
    private Path dataDir = Path.of("data");
    private boolean fresh;
    private int kafkaPort = 9092;
    private int controllerPort = 9093;
    private List<NewTopic> topics = TopicCreator.pipelineTopics(AppConfig.defaults());

    private Builder() {}

    /** Where data is kept (default {@code ./data}). */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** Start from empty: deletes the data of earlier runs. */
    public Builder fresh(boolean fresh) {
      this.fresh = fresh;
      return this;
    }

    public Builder kafkaPort(int port) {
      this.kafkaPort = port;
      return this;
    }

    public Builder controllerPort(int port) {
      this.controllerPort = port;
      return this;
    }

    /** Topics to create when missing (default: the pipeline's, with default settings). */
    public Builder topics(List<NewTopic> topics) {
      this.topics = List.copyOf(topics);
      return this;
    }

    /** Starts the broker, creates the topics; returns when everything is ready. */
    public LocalStack start() throws IOException, InterruptedException, TimeoutException {
      LocalStack stack = new LocalStack(LocalDataDir.open(dataDir, fresh));
      try {
        stack.kafka = KafkaCluster.builder()
            .dataDir(stack.data.kafka())
            .host("localhost")
            .brokerPort(kafkaPort)
            .controllerPort(controllerPort)
            .start();
        try (Admin admin = Admin.create(stack.kafka.clientConfig())) {
          stack.topics = new TopicCreator(admin).ensure(topics);
        }
        // Next (once module schemas has it): the embedded schema registry on the broker's
        // _schemas topic, stopped in close() before the broker.
        return stack;
      } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
        stack.close();
        throw e;
      }
    }
  }
}
