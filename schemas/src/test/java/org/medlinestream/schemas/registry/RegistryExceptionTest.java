package org.medlinestream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RegistryExceptionTest {
  @Test
  void findsARefusalOfTheCredentialsAmongTheCauses() {
    RegistryException unauthorized = new RegistryException(401, 401, "Unauthorized");
    RegistryException forbidden = new RegistryException(403, 40301, "Forbidden");

    assertThat(RegistryException.credentialsRefusal(
        new SerializationException("cannot write", new IllegalStateException(unauthorized))))
        .isSameAs(unauthorized);
    assertThat(RegistryException.credentialsRefusal(forbidden)).isSameAs(forbidden);
  }

  @Test
  void otherFailuresAreNoRefusalOfTheCredentials() {
    assertThat(RegistryException.credentialsRefusal(
        new SerializationException(RegistryException.schemaNotFound(7)))).isNull();
    assertThat(RegistryException.credentialsRefusal(
        RegistryException.storeError("down", null))).isNull();
    assertThat(RegistryException.credentialsRefusal(
        new RegistryUnreachableException("http://registry:8081",
            new ConnectException("refused")))).isNull();
    assertThat(RegistryException.credentialsRefusal(null)).isNull();
  }
}
