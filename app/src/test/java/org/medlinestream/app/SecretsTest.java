package org.medlinestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void secretKeys() {
    assertThat(Secrets.isSecret("kafka.sasl.jaas.config")).isTrue();
    assertThat(Secrets.isSecret("kafka.ssl.key.password")).isTrue();
    assertThat(Secrets.isSecret("kafka.ssl.keystore.key")).isTrue();
    assertThat(Secrets.isSecret("sink.jdbc.PASSWORD")).isTrue();
    assertThat(Secrets.isSecret("schema.registry.basic.auth.user.info")).isTrue();
    assertThat(Secrets.isSecret("kafka.sasl.oauthbearer.client.credentials.client.secret"))
        .isTrue();
  }

  @Test
  void ordinaryKeys() {
    assertThat(Secrets.isSecret("kafka.bootstrap.servers")).isFalse();
    assertThat(Secrets.isSecret("kafka.key.serializer")).isFalse();
    assertThat(Secrets.isSecret("kafka.ssl.keystore.location")).isFalse();
    assertThat(Secrets.isSecret("kafka.sasl.mechanism")).isFalse();
  }

  @Test
  void maskHidesSecretValuesAndUrlPasswordsOnly() {
    assertThat(Secrets.mask("kafka.ssl.key.password", "pw")).isEqualTo("[hidden]");
    assertThat(Secrets.mask("kafka.bootstrap.servers", "a:9092,b:9092"))
        .isEqualTo("a:9092,b:9092");
    assertThat(Secrets.mask("sink.jdbc.url", "postgresql://app:pw@db:5432/medline"))
        .isEqualTo("postgresql://app:[hidden]@db:5432/medline");
    assertThat(Secrets.mask("sink.jdbc.url", "jdbc:postgresql://db/medline?user=app&password=pw&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/medline?user=app&password=[hidden]&ssl=true");
    assertThat(Secrets.mask("schema.registry.url", "http://user@h:8081"))
        .isEqualTo("http://user@h:8081");
    assertThat(Secrets.mask("kafka.ssl.key.password", null)).isNull();
  }
}
