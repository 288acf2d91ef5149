package org.medlinestream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka cluster in KRaft mode on this machine: each node a combined broker and
 * controller in its own JVM, started from Kafka's own jars ({@code kafka.Kafka}), no ZooKeeper, no
 * Docker. One node serves the one-machine stack and most tests; three show replication.
 *
 * <pre>{@code
 * try (KafkaCluster kafka = KafkaCluster.builder().start()) {
 *   String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class KafkaCluster implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);
  private static final int START_ATTEMPTS = 3;

  private final Builder settings;
  private final Path dataDir;
  private final boolean temporary;
  private final List<KafkaNode> nodes = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::signalStopAll, "kafka-cluster-shutdown");

  private KafkaCluster(Builder settings, Path dataDir, boolean temporary) {
    this.settings = settings;
    this.dataDir = dataDir;
    this.temporary = temporary;
  }

  private static KafkaCluster shared;

  public static Builder builder() {
    return new Builder();
  }

  /**
   * One single-node cluster for this whole JVM, started on first use and stopped at exit: tests
   * that can share a broker (each with its own topics and groups) save a start each.
   */
  public static synchronized KafkaCluster shared() {
    if (shared == null) {
      try {
        shared = builder().start();
      } catch (IOException | TimeoutException e) {
        throw new IllegalStateException("could not start the shared Kafka broker", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting the shared Kafka broker", e);
      }
      KafkaCluster cluster = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "shared-kafka-close"));
    }
    return shared;
  }

  /** {@code host:port,...} of every node's broker listener. */
  public String bootstrapServers() {
    return nodes.stream()
        .map(n -> settings.host + ":" + n.brokerPort())
        .collect(Collectors.joining(","));
  }

  /** Client settings that reach this cluster. */
  public Map<String, Object> clientConfig() {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
  }

  public List<KafkaNode> nodes() {
    return List.copyOf(nodes);
  }

  public KafkaNode node(int index) {
    return nodes.get(index);
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Waits until {@code brokers} brokers are registered and unfenced. */
  public void awaitBrokers(int brokers, Duration timeout) throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    awaitListening(deadline);
    Properties admin = new Properties();
    admin.putAll(clientConfig());
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin client = Admin.create(admin)) {
      while (System.nanoTime() < deadline) {
        failIfAllDied();
        try {
          if (client.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= brokers) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          // Not up yet.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
        sleep(250);
      }
    }
    throw new TimeoutException(
        "Kafka did not report " + brokers + " brokers within " + timeout + "; broker log:\n"
            + Logs.tail(nodes.get(0).logFile()));
  }

  /** Stops every node at once (a controlled shutdown) and removes a temporary data folder. */
  @Override
  public void close() {
    signalStopAll();
    try {
      for (KafkaNode node : nodes) {
        node.awaitExit();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down.
    }
    if (temporary) {
      deleteRecursively(dataDir);
    }
  }

  private void signalStopAll() {
    // Combined nodes stopped one by one wait minutes for a quorum; stop them together.
    nodes.forEach(KafkaNode::signalStop);
  }

  private void startNodes() throws IOException, InterruptedException, TimeoutException {
    for (int attempt = 1; ; attempt++) {
      createNodes();
      // A data folder from an earlier run keeps its cluster id: its data survives the restart.
      String clusterId =
          nodes.get(0).formattedClusterId().orElseGet(() -> Uuid.randomUuid().toString());
      for (KafkaNode node : nodes) {
        node.format(clusterId);
      }
      for (KafkaNode node : nodes) {
        node.start();
      }
      try {
        awaitBrokers(nodes.size(), settings.startTimeout);
        return;
      } catch (TimeoutException | IllegalStateException e) {
        close();
        boolean portsChosenHere = settings.brokerPort == 0 && settings.controllerPort == 0;
        if (!portsChosenHere || attempt == START_ATTEMPTS) {
          throw e;
        }
        log.warn("Kafka did not start (attempt {}), retrying on other ports: {}", attempt,
            e.getMessage());
        nodes.clear();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
      }
    }
  }

  private void createNodes() throws IOException {
    List<int[]> ports = new ArrayList<>();
    for (int i = 0; i < settings.nodes; i++) {
      boolean first = i == 0;
      int broker = first && settings.brokerPort != 0 ? settings.brokerPort : FreePorts.next();
      int controller =
          first && settings.controllerPort != 0 ? settings.controllerPort : FreePorts.next();
      ports.add(new int[] {broker, controller});
    }
    String voters =
        Stream.iterate(0, i -> i + 1)
            .limit(settings.nodes)
            .map(i -> (i + 1) + "@127.0.0.1:" + ports.get(i)[1])
            .collect(Collectors.joining(","));
    for (int i = 0; i < settings.nodes; i++) {
      Path dir = dataDir.resolve("node-" + (i + 1));
      Files.createDirectories(dir);
      // 16 MB G1 regions: a produce request of the pipeline (up to a few MB of 512 KiB batches)
      // is then no "humongous" object; with the default 1 MB regions each one forced collections,
      // which made half the broker's CPU.
      KafkaNode node =
          new KafkaNode(i + 1, ports.get(i)[0], ports.get(i)[1], dir,
              List.of("-Xmx" + settings.heap, "-Xms64m", "-XX:G1HeapRegionSize=16m",
                  "-Djava.awt.headless=true"));
      writeConfig(node, voters);
      node.writeLog4jConfig();
      nodes.add(node);
    }
  }

  private void writeConfig(KafkaNode node, String voters) throws IOException {
    int replication = Math.min(settings.nodes, 3);
    Map<String, String> config = new LinkedHashMap<>();
    config.put("process.roles", "broker,controller");
    config.put("node.id", Integer.toString(node.id()));
    config.put("controller.quorum.voters", voters);
    config.put("listeners",
        "PLAINTEXT://127.0.0.1:" + node.brokerPort() + ",CONTROLLER://127.0.0.1:"
            + node.controllerPort());
    config.put("advertised.listeners", "PLAINTEXT://" + settings.host + ":" + node.brokerPort());
    config.put("controller.listener.names", "CONTROLLER");
    config.put("inter.broker.listener.name", "PLAINTEXT");
    config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    config.put("log.dirs", node.dir().resolve("logs").toString());
    config.put("num.partitions", "1");
    // Topics created without a factor (Kafka Streams' internal ones, auto-created) are replicated.
    config.put("default.replication.factor", Integer.toString(replication));
    config.put("offsets.topic.replication.factor", Integer.toString(replication));
    config.put("offsets.topic.num.partitions", "10");
    config.put("transaction.state.log.replication.factor", Integer.toString(replication));
    config.put("transaction.state.log.min.isr", Integer.toString(Math.max(1, replication - 1)));
    config.put("transaction.state.log.num.partitions", "10");
    config.put("share.coordinator.state.topic.replication.factor", Integer.toString(replication));
    config.put("share.coordinator.state.topic.min.isr", "1");
    config.put("group.initial.rebalance.delay.ms", "0");
    config.putAll(settings.brokerConfig);
    StringBuilder text = new StringBuilder("# Written by medline-stream for node ")
        .append(node.id()).append('\n');
    config.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.writeString(node.configFile(), text);
  }

  /** Waits for the first live node's port, so that the admin client does not log refusals. */
  private void awaitListening(long deadline) {
    while (System.nanoTime() < deadline) {
      failIfAllDied();
      for (KafkaNode node : nodes) {
        if (node.isAlive() && FreePorts.isListening(node.brokerPort())) {
          return;
        }
      }
      sleep(200);
    }
  }

  private void failIfAllDied() {
    if (!nodes.isEmpty() && nodes.stream().noneMatch(KafkaNode::isAlive)) {
      throw new IllegalStateException(
          "the Kafka broker exited; its log " + nodes.get(0).logFile() + " ends with:\n"
              + Logs.tail(nodes.get(0).logFile()));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("could not remove {}: {}", dir, e.getMessage());
    }
  }

  /** Settings of a cluster to start. */
  public static final class Builder {
    private int nodes = 1;
    private Path dataDir;
    private int brokerPort;
    private int controllerPort;
    private String host = "127.0.0.1";
    private String heap = "1g";
    private Duration startTimeout = Duration.ofSeconds(120);
    private final Map<String, String> brokerConfig = new LinkedHashMap<>();

    private Builder() {}

    /** Number of combined broker+controller nodes (default 1). */
    public Builder nodes(int nodes) {
      if (nodes < 1) {
        throw new IllegalArgumentException("a cluster needs at least one node, not " + nodes);
      }
      this.nodes = nodes;
      return this;
    }

    /** Where the nodes keep their logs and data; data there survives a restart. Default: a
     * temporary folder removed on {@link #close()}. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** Broker port of the first node; 0 (default) picks a free one. */
    public Builder brokerPort(int port) {
      this.brokerPort = port;
      return this;
    }

    /** Controller port of the first node; 0 (default) picks a free one. */
    public Builder controllerPort(int port) {
      this.controllerPort = port;
      return this;
    }

    /** Host name clients are told to use (advertised listener); default 127.0.0.1. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Maximum heap of each broker JVM, e.g. {@code 1g} (default, as Kafka's own start script). */
    public Builder heap(String heap) {
      this.heap = heap;
      return this;
    }

    public Builder startTimeout(Duration timeout) {
      this.startTimeout = timeout;
      return this;
    }

    /** A broker setting of Kafka's {@code server.properties}, applied last. */
    public Builder brokerConfig(String key, String value) {
      brokerConfig.put(key, value);
      return this;
    }

    /** Starts the nodes and waits until every broker is ready. */
    public KafkaCluster start() throws IOException, InterruptedException, TimeoutException {
      boolean temporary = dataDir == null;
      Path dir = temporary ? Files.createTempDirectory("medline-stream-kafka-") : dataDir;
      if (!temporary) {
        checkPortsFree();
      }
      KafkaCluster cluster = new KafkaCluster(this, dir, temporary);
      Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
      cluster.startNodes();
      log.info("Kafka ({} node{}) is up at {}", nodes, nodes == 1 ? "" : "s",
          cluster.bootstrapServers());
      return cluster;
    }

    private void checkPortsFree() {
      for (int port : new int[] {brokerPort, controllerPort}) {
        if (port != 0 && !FreePorts.isFree(port)) {
          throw new UncheckedIOException(new IOException(
              "port " + port + " is already in use: is another Kafka or `medline-stream local` "
                  + "running? Stop it or choose other ports."));
        }
      }
    }
  }
}
