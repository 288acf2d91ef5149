package org.medlinestream.schemas.registry;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Settings of {@link SchemaRegistryClient}, named as Confluent's client names them. */
public class RegistryClientConfig extends AbstractConfig {
  public static final String URL = "schema.registry.url";
  public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String USER_INFO = "basic.auth.user.info";
  public static final String MAX_RETRIES = "max.retries";
  public static final String RETRIES_WAIT_MS = "retries.wait.ms";
  public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
  public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
  public static final String SSL_PREFIX = "schema.registry.ssl.";
  public static final String TRUSTSTORE_LOCATION = SSL_PREFIX + "truststore.location";
  public static final String TRUSTSTORE_PASSWORD = SSL_PREFIX + "truststore.password";
  public static final String TRUSTSTORE_TYPE = SSL_PREFIX + "truststore.type";
  public static final String KEYSTORE_LOCATION = SSL_PREFIX + "keystore.location";
  public static final String KEYSTORE_PASSWORD = SSL_PREFIX + "keystore.password";
  public static final String KEYSTORE_TYPE = SSL_PREFIX + "keystore.type";
  public static final String KEY_PASSWORD = SSL_PREFIX + "key.password";
  public static final String SSL_PROTOCOL = SSL_PREFIX + "protocol";

  /** The credentials come from {@link #USER_INFO} ({@code user:password}). */
  public static final String SOURCE_USER_INFO = "USER_INFO";
  /** The credentials come from the URL's user info ({@code http://user:password@host:8081}). */
  public static final String SOURCE_URL = "URL";

  public static final ConfigDef CONFIG = new ConfigDef()
      .define(URL, Type.LIST, List.of(), Importance.HIGH,
          "Comma-separated URLs of the schema registry, e.g. http://localhost:8081.")
      .define(CREDENTIALS_SOURCE, Type.STRING, SOURCE_URL, ValidString.in(SOURCE_USER_INFO, SOURCE_URL),
          Importance.MEDIUM, "Where HTTP basic-auth credentials come from: USER_INFO or URL.")
      .define(USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
          "user:password for HTTP basic auth when " + CREDENTIALS_SOURCE + "=USER_INFO.")
      .define(MAX_RETRIES, Type.INT, 3, ConfigDef.Range.atLeast(0), Importance.LOW,
          "Retries after a connection failure or a 5xx answer.")
      .define(RETRIES_WAIT_MS, Type.LONG, 200L, ConfigDef.Range.atLeast(0), Importance.LOW,
          "Wait before the first retry; doubled for each further one.")
      .define(RETRIES_MAX_WAIT_MS, Type.LONG, 5_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
          "Longest wait between retries.")
      .define(CONNECT_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Connection timeout.")
      .define(READ_TIMEOUT_MS, Type.INT, 30_000, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Time allowed for a whole answer.")
      .define(TRUSTSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
          "Trust store for https registries (default: the JVM's trusted certificates).")
      .define(TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Trust store password.")
      .define(TRUSTSTORE_TYPE, Type.STRING, "JKS", Importance.LOW, "Trust store type: JKS or PKCS12.")
      .define(KEYSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
          "Key store with the client certificate, for registries that require one.")
      .define(KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Key store password.")
      .define(KEYSTORE_TYPE, Type.STRING, "JKS", Importance.LOW, "Key store type: JKS or PKCS12.")
      .define(KEY_PASSWORD, Type.PASSWORD, null, Importance.LOW,
          "Password of the private key (default: the key store password).")
      .define(SSL_PROTOCOL, Type.STRING, "TLSv1.3", Importance.LOW, "TLS protocol.");

  public RegistryClientConfig(Map<String, ?> originals) {
    this(CONFIG, originals);
  }

  protected RegistryClientConfig(ConfigDef definition, Map<String, ?> originals) {
    super(definition, originals, false);
  }

  /** The registry URLs; fails with a clear message when none is set. */
  public List<String> urls() {
    List<String> urls = getList(URL);
    if (urls.isEmpty()) {
      throw new ConfigException(URL + " is not set: give the schema registry's URL, e.g. "
          + "http://localhost:8081 (`medline-stream local` starts one)");
    }
    return urls;
  }

  /** {@code user:password} for basic auth, or null when no credentials are configured. */
  public String userInfo(URI url) {
    if (SOURCE_USER_INFO.equals(getString(CREDENTIALS_SOURCE))) {
      Password userInfo = getPassword(USER_INFO);
      if (userInfo == null) {
        throw new ConfigException(CREDENTIALS_SOURCE + "=USER_INFO needs " + USER_INFO + " (user:password)");
      }
      return userInfo.value();
    }
    return url.getRawUserInfo() == null
        ? null
        : URLDecoder.decode(url.getRawUserInfo().replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The value of a password setting, or null. */
  String password(String name) {
    Password password = getPassword(name);
    return password == null ? null : password.value();
  }
}
