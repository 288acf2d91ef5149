package org.medlinestream.app;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides which settings are secret and hides them wherever configuration is logged or printed:
 * keys containing {@code password} or {@code secret}, ending in {@code .key},
 * {@code sasl.jaas.config} or {@code user.info} (registry basic auth); and in any value the password
 * of a {@code scheme://user:password@host} URL and of a {@code password=...} parameter (JDBC URLs).
 */
public final class Secrets {
  /** What Kafka itself prints for a password setting. */
  public static final String HIDDEN = "[hidden]";

  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s]*:)[^@/\\s]*@");
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)(password=)[^&;\\s]*");

  private Secrets() {}

  public static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password")
        || k.contains("secret")
        || k.endsWith(".key")
        || k.endsWith("sasl.jaas.config")
        || k.endsWith("user.info");
  }

  /** The value as it may be shown: {@link #HIDDEN} for a secret key, URL passwords masked. */
  public static String mask(String key, String value) {
    if (value == null) {
      return null;
    }
    if (isSecret(key)) {
      return HIDDEN;
    }
    String masked = URL_PASSWORD.matcher(value).replaceAll("$1" + HIDDEN + "@");
    return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + HIDDEN);
  }
}
