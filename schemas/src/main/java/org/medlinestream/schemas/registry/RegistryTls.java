package org.medlinestream.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/** Builds the {@link SSLContext} for an https registry from the {@code schema.registry.ssl.*} settings. */
final class RegistryTls {
  private RegistryTls() {}

  /** The context for the configured stores, or null when none is configured (the JVM default applies). */
  static SSLContext sslContext(RegistryClientConfig config) {
    String trustLocation = config.getString(RegistryClientConfig.TRUSTSTORE_LOCATION);
    String keyLocation = config.getString(RegistryClientConfig.KEYSTORE_LOCATION);
    if (trustLocation == null && keyLocation == null) {
      return null;
    }
    try {
      TrustManager[] trustManagers = null;
      if (trustLocation != null) {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(load(trustLocation, config.getString(RegistryClientConfig.TRUSTSTORE_TYPE),
            config.password(RegistryClientConfig.TRUSTSTORE_PASSWORD)));
        trustManagers = factory.getTrustManagers();
      }
      KeyManager[] keyManagers = null;
      if (keyLocation != null) {
        String storePassword = config.password(RegistryClientConfig.KEYSTORE_PASSWORD);
        String keyPassword = config.password(RegistryClientConfig.KEY_PASSWORD);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(load(keyLocation, config.getString(RegistryClientConfig.KEYSTORE_TYPE), storePassword),
            chars(keyPassword != null ? keyPassword : storePassword));
        keyManagers = factory.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance(config.getString(RegistryClientConfig.SSL_PROTOCOL));
      context.init(keyManagers, trustManagers, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConfigException("cannot set up TLS for the schema registry from "
          + RegistryClientConfig.SSL_PREFIX + "* settings: " + e.getMessage());
    }
  }

  private static KeyStore load(String location, String type, String password) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      store.load(in, chars(password));
      return store;
    } catch (IOException e) {
      throw new ConfigException("cannot read the " + type + " store " + location + ": " + e.getMessage());
    }
  }

  private static char[] chars(String password) {
    return password == null ? null : password.toCharArray();
  }
}
