package org.medlinestream.app;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a service serves its metrics and health: the flag of ingest, enrich and sink. */
public final class HttpOptions implements ConfigFlags {
  @Option(names = "--http-port", paramLabel = "PORT",
      description = "Port of /metrics (Prometheus), /health/live and /health/ready (http.port; "
          + "default 8080; 0 any free port, -1 none).")
  private Integer httpPort;

  @Override
  public Map<String, String> configFlags() {
    Map<String, String> flags = new HashMap<>();
    ConfigFlags.putIfGiven(flags, ConfigKey.HTTP_PORT, httpPort);
    return flags;
  }
}
