package org.medlinestream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.medlinestream.schemas.registry.RegistryFailure.Kind;

class RegistryFailureTest {
  @Test
  void findsARefusalOfTheCredentialsAmongTheCauses() {
    RegistryException unauthorized = new RegistryException(401, 401, "Unauthorized");
    RegistryException forbidden = new RegistryException(403, 40301, "Forbidden");

    assertThat(RegistryFailure.in(
        new SerializationException("cannot write", new IllegalStateException(unauthorized))))
        .contains(new RegistryFailure(Kind.CREDENTIALS_REFUSED, unauthorized));
    assertThat(RegistryFailure.in(forbidden))
        .contains(new RegistryFailure(Kind.CREDENTIALS_REFUSED, forbidden));
  }

  @Test
  void anUnreachableOrFailingRegistryIsUnavailable() {
    RegistryUnreachableException unreachable = new RegistryUnreachableException(
        "http://registry:8081", new ConnectException("refused"));
    RegistryException storeError = RegistryException.storeError("down", null);

    assertThat(RegistryFailure.in(new SerializationException(unreachable)))
        .contains(new RegistryFailure(Kind.UNAVAILABLE, unreachable));
    assertThat(RegistryFailure.in(storeError))
        .contains(new RegistryFailure(Kind.UNAVAILABLE, storeError));
  }

  @Test
  void otherAnswersAreErrorAnswersAndOtherFailuresNotTheRegistrys() {
    RegistryException notFound = RegistryException.schemaNotFound(7);

    assertThat(RegistryFailure.in(new SerializationException(notFound)))
        .contains(new RegistryFailure(Kind.ERROR_ANSWER, notFound));
    assertThat(RegistryFailure.in(new SerializationException("not Avro"))).isEmpty();
    assertThat(RegistryFailure.in(null)).isEmpty();
  }
}
