package org.medlinestream.app;

import org.medlinestream.embedded.KafkaCluster;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Kafka cluster of this test run: by default the shared embedded broker
 * ({@link KafkaCluster#shared()}); with {@code -Dmedline.test.kafka=testcontainers} and Docker
 * available, Apache Kafka's own image in a container, for machines that prefer Docker.
 */
final class TestKafka {
  static final String PROPERTY = "medline.test.kafka";
  /** Apache Kafka's image of the version in the root pom. */
  private static final String IMAGE = "apache/kafka:4.4.0";

  private static String bootstrapServers;

  private TestKafka() {}

  static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      bootstrapServers = wantsContainer() && DockerClientFactory.instance().isDockerAvailable()
          ? startContainer()
          : KafkaCluster.shared().bootstrapServers();
    }
    return bootstrapServers;
  }

  private static boolean wantsContainer() {
    return "testcontainers".equals(System.getProperty(PROPERTY));
  }

  @SuppressWarnings("resource") // Stopped by Testcontainers' reaper when the test JVM exits.
  private static String startContainer() {
    KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(IMAGE));
    kafka.start();
    return kafka.getBootstrapServers();
  }
}
