package org.medlinestream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
  @TempDir
  Path dir;

  @Test
  void defaultsComeFromTopicsAndTheLocalStack() {
    AppConfig config = AppConfig.defaults();

    assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(config.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
    assertThat(config.rawTopic()).isEqualTo("medline.raw");
    assertThat(config.citationsTopic()).isEqualTo("medline.citations");
    assertThat(config.dlqTopic()).isEqualTo("medline.dlq");
    assertThat(config.partitions()).isEqualTo(6);
    assertThat(config.replicationFactor()).isEqualTo((short) 1);
  }

  @Test
  void fileThenEnvironmentThenFlagsTheLaterWins() throws IOException {
    Path file = properties("""
        kafka.bootstrap.servers=file:9092
        topics.raw=file.raw
        topics.dlq=file.dlq
        topics.partitions=3
        """);
    Map<String, String> env = Map.of(
        "MEDLINE_STREAM_TOPICS_RAW", "env.raw",
        "MEDLINE_STREAM_TOPICS_PARTITIONS", "4",
        "PATH", "/usr/bin");
    Map<String, String> flags = Map.of("topics.partitions", "5");

    AppConfig config = AppConfig.resolve(file, env, flags);

    assertThat(config.bootstrapServers()).isEqualTo("file:9092");
    assertThat(config.dlqTopic()).isEqualTo("file.dlq");
    assertThat(config.rawTopic()).isEqualTo("env.raw");
    assertThat(config.partitions()).isEqualTo(5);
    assertThat(config.citationsTopic()).isEqualTo("medline.citations");
    assertThat(config.describe()).contains(
        "topics.partitions = 5  (flag)",
        "topics.raw = env.raw  (environment MEDLINE_STREAM_TOPICS_RAW)",
        "topics.dlq = file.dlq  (file " + file + ")",
        "topics.citations = medline.citations  (default)");
  }

  @Test
  void environmentVariableNamesMapToLowerCaseDottedKeys() {
    AppConfig config = AppConfig.resolve(null,
        Map.of("MEDLINE_STREAM_KAFKA_BOOTSTRAP_SERVERS", "env:9092",
            "MEDLINE_STREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            AppConfig.LAUNCHER_ENV, "-Xmx2g",
            "KAFKA_BOOTSTRAP_SERVERS", "not-ours:9092"),
        Map.of());

    assertThat(config.bootstrapServers()).isEqualTo("env:9092");
    assertThat(config.kafkaProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .doesNotContainKey("opts");
    assertThat(config.get("java.opts")).isNull();
    assertThat(ConfigKey.envVar("kafka.sasl.jaas.config"))
        .isEqualTo("MEDLINE_STREAM_KAFKA_SASL_JAAS_CONFIG");
  }

  @Test
  void kafkaAndRegistryKeysPassThroughWithoutTheirPrefix() {
    AppConfig config = AppConfig.resolve(null, Map.of(), Map.of(
        "kafka.security.protocol", "SASL_SSL",
        "kafka.sasl.mechanism", "PLAIN",
        "kafka.ssl.endpoint.identification.algorithm", "",
        "schema.registry.basic.auth.credentials.source", "USER_INFO",
        "schema.registry.basic.auth.user.info", "user:pw",
        "topics.raw", "raw"));

    assertThat(config.kafkaProperties()).containsOnly(
        Map.entry("bootstrap.servers", "localhost:9092"),
        Map.entry("security.protocol", "SASL_SSL"),
        Map.entry("sasl.mechanism", "PLAIN"),
        Map.entry("ssl.endpoint.identification.algorithm", ""));
    assertThat(config.schemaRegistryProperties()).containsOnly(
        Map.entry("schema.registry.url", "http://localhost:8081"),
        Map.entry("url", "http://localhost:8081"),
        Map.entry("schema.registry.basic.auth.credentials.source", "USER_INFO"),
        Map.entry("basic.auth.credentials.source", "USER_INFO"),
        Map.entry("schema.registry.basic.auth.user.info", "user:pw"),
        Map.entry("basic.auth.user.info", "user:pw"));
  }

  @Test
  void secretsAreMaskedWheneverConfigIsShown() {
    String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required "
        + "username=\"alice\" password=\"alice-secret\";";
    AppConfig config = AppConfig.resolve(null, Map.of(), Map.of(
        "kafka.sasl.jaas.config", jaas,
        "kafka.ssl.truststore.password", "trust-pw",
        "kafka.ssl.keystore.key", "-----BEGIN PRIVATE KEY-----",
        "kafka.sasl.oauthbearer.client.credentials.client.secret", "oauth-secret",
        "schema.registry.basic.auth.user.info", "bob:bob-pw",
        "schema.registry.url", "https://carol:carol-pw@registry:8081"));

    String shown = String.join("\n", config.describe()) + config;

    assertThat(shown).doesNotContain(
        "alice-secret", "trust-pw", "PRIVATE KEY", "oauth-secret", "bob-pw", "carol-pw");
    assertThat(config.describe()).contains(
        "kafka.sasl.jaas.config = [hidden]  (flag)",
        "schema.registry.url = https://carol:[hidden]@registry:8081  (flag)");
    assertThat(config.kafkaProperties()).containsEntry("sasl.jaas.config", jaas);
  }

  @Test
  void aBadNumberNamesTheKeyAndWhereItCameFrom() {
    AppConfig config = AppConfig.resolve(null,
        Map.of("MEDLINE_STREAM_TOPICS_PARTITIONS", "six"), Map.of());

    assertThatThrownBy(config::partitions)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topics.partitions must be a whole number from 1 to 2147483647, not 'six' "
            + "(from environment MEDLINE_STREAM_TOPICS_PARTITIONS)");
    assertThatThrownBy(
        () -> AppConfig.resolve(null, Map.of(), Map.of("topics.replication.factor", "0"))
            .replicationFactor())
        .hasMessageContaining("topics.replication.factor must be a whole number from 1 to 32767");
  }

  @Test
  void aMissingFileSaysWhatToDo() {
    Path missing = dir.resolve("missing.properties");

    assertThatThrownBy(() -> AppConfig.resolve(missing, Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("config file " + missing + " not found: give --config an existing "
            + "properties file");
  }

  @Test
  void unknownKeysFromFileOrFlagsAreNoted() throws IOException {
    Path file = properties("bootstrap.servers=oops:9092\nkafka.acks=all\n");

    AppConfig config = AppConfig.resolve(file, Map.of(), Map.of("topic.raw", "x"));

    assertThat(config.unknownKeys()).containsExactly("bootstrap.servers", "topic.raw");
  }

  private Path properties(String text) throws IOException {
    return Files.writeString(dir.resolve("medline-stream.properties"), text);
  }
}
