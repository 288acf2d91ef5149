package org.medlinestream.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicCatalogueTest {
  @Test
  void replicatesOncePerBrokerUpToThreeUnlessConfigured() {
    assertThat(TopicCatalogue.replication((short) 0, 1)).isEqualTo((short) 1);
    assertThat(TopicCatalogue.replication((short) 0, 2)).isEqualTo((short) 2);
    assertThat(TopicCatalogue.replication((short) 0, 5)).isEqualTo((short) 3);
    assertThat(TopicCatalogue.replication((short) 2, 5)).isEqualTo((short) 2);
    assertThat(TopicCatalogue.replication((short) 4, 1)).isEqualTo((short) 4);
  }

  @Test
  void aWriteSurvivesOneBrokerDown() {
    assertThat(TopicCatalogue.minInsyncReplicas((short) 1)).isEqualTo(1);
    assertThat(TopicCatalogue.minInsyncReplicas((short) 2)).isEqualTo(1);
    assertThat(TopicCatalogue.minInsyncReplicas((short) 3)).isEqualTo(2);
    assertThat(TopicCatalogue.minInsyncReplicas((short) 5)).isEqualTo(2);
  }
}
