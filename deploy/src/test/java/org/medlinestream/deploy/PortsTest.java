package org.medlinestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medlinestream.app.ConfigKey;
import org.medlinestream.monitoring.MonitoringServer;

/** Clients are pointed at the ports the servers listen on, and probes at the port the app serves. */
class PortsTest {
  private static final String BOOTSTRAP = ConfigKey.envVar(ConfigKey.BOOTSTRAP_SERVERS.key());
  private static final String REGISTRY_URL = ConfigKey.envVar(ConfigKey.SCHEMA_REGISTRY_URL.key());
  private static final String REGISTRY_STORE = "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS";
  private static final String HTTP_PORT = ConfigKey.envVar(ConfigKey.HTTP_PORT.key());
  private static final Pattern JDBC_URL = Pattern.compile(
      "jdbc:postgresql://(?<host>[^:/]+):(?<port>\\d+)/(?<database>[^?]+)\\?(?<query>.*)");

  private final Compose compose = Compose.load();
  private final Map<String, String> composeSettings = compose.environment("enrich");
  private final Map<String, String> k8sSettings =
      Kustomize.configMap(Kustomize.BASE, K8s.CONFIG_MAP);

  @Test
  void composeClientsReachTheBrokersAdvertisedListeners() {
    List<String> servers = hostPorts(composeSettings.get(BOOTSTRAP));
    List<String> registryStore = hostPorts(compose.environment("schema-registry").get(REGISTRY_STORE));

    assertThat(servers).hasSize(3).isEqualTo(registryStore);
    for (String server : servers) {
      String host = server.substring(0, server.indexOf(':'));
      assertThat(compose.environment(host).get("KAFKA_ADVERTISED_LISTENERS"))
          .contains("PLAINTEXT://" + server);
    }
  }

  @Test
  void kubernetesClientsReachTheStrimziBootstrapService() {
    JsonNode plain = Kustomize.resources(Kustomize.BASE, "Kafka").get(0)
        .at("/spec/kafka/listeners").get(0);
    String bootstrap = K8s.kafkaCluster() + "-kafka-bootstrap:" + plain.path("port").asInt();
    JsonNode registry = K8s.container(Kustomize.resource(Kustomize.BASE, "Deployment", "schema-registry"));

    assertThat(plain.path("tls").asBoolean()).isFalse();
    assertThat(k8sSettings.get(BOOTSTRAP)).isEqualTo(bootstrap);
    assertThat(hostPorts(K8s.env(registry, REGISTRY_STORE))).containsExactly(bootstrap);
  }

  @Test
  void composeClientsReachTheRegistry() {
    URI url = URI.create(composeSettings.get(REGISTRY_URL));
    Map<String, String> registry = compose.environment(url.getHost());

    assertThat(URI.create(registry.get("SCHEMA_REGISTRY_LISTENERS")).getPort()).isEqualTo(url.getPort());
    assertThat(compose.containerPorts(url.getHost())).contains(url.getPort());
  }

  @Test
  void kubernetesClientsReachTheRegistryService() {
    URI url = URI.create(k8sSettings.get(REGISTRY_URL));
    JsonNode service = Kustomize.resource(Kustomize.BASE, "Service", url.getHost());
    JsonNode servicePort = service.at("/spec/ports").get(0);
    JsonNode container = K8s.container(Kustomize.resource(Kustomize.BASE, "Deployment", url.getHost()));
    JsonNode containerPort = container.path("ports").get(0);

    assertThat(servicePort.path("port").asInt()).isEqualTo(url.getPort());
    assertThat(servicePort.path("targetPort").asText()).isEqualTo(containerPort.path("name").asText());
    assertThat(URI.create(K8s.env(container, "SCHEMA_REGISTRY_LISTENERS")).getPort())
        .isEqualTo(containerPort.path("containerPort").asInt());
  }

  @Test
  void theHttpPortIsTheCodesDefaultAndTheImagesAndComposeProbesAndPublishesIt() {
    int port = httpPort(composeSettings);

    assertThat(Integer.toString(port)).isEqualTo(ConfigKey.HTTP_PORT.defaultValue());
    assertThat(Poms.imagePorts()).containsExactly(port);
    assertThat(compose.containerPorts("enrich")).containsExactly(port);
    for (String service : K8s.PIPELINE) {
      assertThat(compose.healthcheck(service)).as(service)
          .contains("$${" + HTTP_PORT + "}").contains(MonitoringServer.READY_PATH);
    }
  }

  @Test
  void kubernetesProbesAndScrapesTheHttpPort() {
    int port = httpPort(k8sSettings);
    JsonNode container = K8s.pipelineContainer();
    JsonNode http = container.path("ports").get(0);

    assertThat(http.path("containerPort").asInt()).isEqualTo(port);
    JsonNode annotations = K8s.pipelinePod().at("/metadata/annotations");
    assertThat(annotations.path("prometheus.io/port").asInt()).isEqualTo(port);
    assertThat(annotations.path("prometheus.io/path").asText())
        .isEqualTo(MonitoringServer.METRICS_PATH);
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(container.path(probe).at("/httpGet/port").asText()).as(probe)
          .isEqualTo(http.path("name").asText());
    }
    assertThat(container.at("/readinessProbe/httpGet/path").asText())
        .isEqualTo(MonitoringServer.READY_PATH);
    assertThat(container.at("/livenessProbe/httpGet/path").asText())
        .isEqualTo(MonitoringServer.LIVE_PATH);
    assertThat(container.at("/startupProbe/httpGet/path").asText())
        .isEqualTo(MonitoringServer.LIVE_PATH);
  }

  @Test
  void composeSinkWritesToTheComposeDatabase() {
    List<String> command = compose.command("sink");
    Matcher url = JDBC_URL.matcher(command.get(command.indexOf("--target") + 1));
    assertThat(url.matches()).as(url.toString()).isTrue();
    Map<String, String> postgres = compose.environment(url.group("host"));

    assertThat(compose.image(url.group("host"))).startsWith("postgres:");
    assertThat(url.group("port")).isEqualTo("5432");
    assertThat(url.group("database")).isEqualTo(postgres.get("POSTGRES_DB"));
    assertThat(url.group("query")).contains("user=" + postgres.get("POSTGRES_USER"));
  }

  private static int httpPort(Map<String, String> settings) {
    return Integer.parseInt(settings.get(HTTP_PORT));
  }

  /** {@code PLAINTEXT://a:1,b:2} → {@code [a:1, b:2]}. */
  private static List<String> hostPorts(String servers) {
    return Arrays.stream(servers.split(","))
        .map(s -> s.contains("://") ? s.substring(s.indexOf("://") + 3) : s)
        .toList();
  }
}
