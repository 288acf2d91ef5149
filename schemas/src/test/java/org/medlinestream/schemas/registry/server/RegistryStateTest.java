package org.medlinestream.schemas.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medlinestream.schemas.TinySchemas.V1;
import static org.medlinestream.schemas.TinySchemas.V2;
import static org.medlinestream.schemas.TinySchemas.compact;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.medlinestream.schemas.registry.CompatibilityLevel;

/** Replaying the log: every instance must reach the same state from the same records. */
class RegistryStateTest {
  private final RegistryState state = new RegistryState();
  private long offset;

  @Test
  void readsTheRecordsConfluentSchemaRegistryWrites() {
    apply("{\"keytype\":\"SCHEMA\",\"subject\":\"a-value\",\"version\":1,\"magic\":1}",
        "{\"subject\":\"a-value\",\"version\":1,\"id\":21,\"schema\":" + quoted(V1)
            + ",\"deleted\":false,\"references\":[],\"metadata\":null}");
    apply("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}", "{\"compatibilityLevel\":\"FULL\"}");
    apply("{\"keytype\":\"CONFIG\",\"subject\":\"a-value\",\"magic\":0}", "{\"compatibilityLevel\":\"NONE\"}");
    apply("{\"keytype\":\"NOOP\",\"magic\":0}", null);

    assertThat(state.schemaById(21).orElseThrow().schema()).isEqualTo(compact(V1));
    assertThat(state.versions("a-value")).extracting(StoredVersion::version, StoredVersion::id)
        .containsExactly(Tuple.tuple(1, 21));
    assertThat(state.idOf(compact(V1))).hasValue(21);
    assertThat(state.maxId()).isEqualTo(21);
    assertThat(state.compatibility(null)).contains(CompatibilityLevel.FULL);
    assertThat(state.compatibility("a-value")).contains(CompatibilityLevel.NONE);
  }

  @Test
  void theFirstClaimOfAnIdWinsAndLaterContradictionsAreIgnored() {
    schema("a-value", 1, 1, V1);
    schema("b-value", 1, 1, V2); // id 1 taken by another schema
    schema("c-value", 1, 2, V1); // V1 already has id 1
    schema("a-value", 1, 3, V2); // a-value version 1 already holds id 1

    assertThat(state.subjects()).containsExactly("a-value");
    assertThat(state.schemaById(1).orElseThrow().schema()).isEqualTo(compact(V1));
    assertThat(state.schemaById(2)).isEmpty();
    assertThat(state.schemaById(3)).isEmpty();
    assertThat(state.storedVersion("a-value", 1).orElseThrow().id()).isEqualTo(1);
    assertThat(state.maxId()).as("ids seen are never given again").isEqualTo(3);
  }

  @Test
  void softDeletedVersionsKeepTheirIdsAndVersionNumbers() {
    schema("a-value", 1, 1, V1);
    apply(StoreRecords.schemaKey("a-value", 1),
        "{\"subject\":\"a-value\",\"version\":1,\"id\":1,\"schema\":" + quoted(V1) + ",\"deleted\":true}");

    assertThat(state.versions("a-value")).isEmpty();
    assertThat(state.subjects()).isEmpty();
    assertThat(state.maxVersion("a-value")).isEqualTo(1);
    assertThat(state.idOf(compact(V1))).hasValue(1);
  }

  @Test
  void aDeleteSubjectRecordSoftDeletesItsVersions() {
    schema("a-value", 1, 1, V1);
    schema("a-value", 2, 2, V2);
    apply("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"a-value\",\"magic\":0}", "{\"subject\":\"a-value\",\"version\":1}");

    assertThat(state.versions("a-value")).extracting(StoredVersion::version).containsExactly(2);
  }

  @Test
  void aTombstoneRemovesAVersionAndFreesItsSchema() {
    schema("a-value", 1, 1, V1);
    apply(StoreRecords.schemaKey("a-value", 1), null);
    schema("b-value", 1, 5, V1);

    assertThat(state.storedVersion("a-value", 1)).isEmpty();
    assertThat(state.schemaById(1)).isEmpty();
    assertThat(state.idOf(compact(V1))).hasValue(5);
    assertThat(state.maxId()).isEqualTo(5);
  }

  @Test
  void aConfigTombstoneClearsTheSubjectsLevel() {
    apply(StoreRecords.configKey("a-value"), StoreRecords.configValue(CompatibilityLevel.FORWARD));
    apply(StoreRecords.configKey("a-value"), null);

    assertThat(state.compatibility("a-value")).isEmpty();
  }

  @Test
  void unreadableRecordsAreSkipped() {
    apply("not json", "{}");
    apply(StoreRecords.schemaKey("a-value", 1), "{\"subject\":\"a-value\"");
    apply(StoreRecords.schemaKey("a-value", 1), "{\"subject\":\"a-value\",\"version\":1,\"id\":4,\"schema\":\"{\\\"type\\\":\\\"record\\\"}\"}");
    apply(StoreRecords.schemaKey("p-value", 1),
        "{\"subject\":\"p-value\",\"version\":1,\"id\":6,\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
    apply(StoreRecords.configKey(null), "{\"compatibilityLevel\":\"SIDEWAYS\"}");
    apply("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}", "{\"mode\":\"READWRITE\"}");
    schema("a-value", 1, 7, V1);

    assertThat(state.subjects()).containsExactly("a-value");
    assertThat(state.compatibility(null)).isEmpty();
    assertThat(state.maxId()).as("ids of unreadable and unsupported schemas are not reused").isEqualTo(7);
  }

  @Test
  void writesKeysFieldForFieldAsConfluentDoesSoThatCompactionMergesThem() {
    assertThat(StoreRecords.schemaKey("a-value", 3)).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"a-value\",\"version\":3,\"magic\":1}");
    assertThat(StoreRecords.configKey(null)).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    assertThat(StoreRecords.configKey("a-value")).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"a-value\",\"magic\":0}");
    assertThat(StoreRecords.configValue(CompatibilityLevel.FULL)).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    StoredVersion version = new StoredVersion("a-value", 3, new StoredSchema(9, "\"string\"", null), false);
    assertThat(StoreRecords.schemaValue(version))
        .isEqualTo("{\"subject\":\"a-value\",\"version\":3,\"id\":9,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
  }

  private void schema(String subject, int version, int id, String schema) {
    apply(StoreRecords.schemaKey(subject, version), "{\"subject\":\"" + subject + "\",\"version\":" + version
        + ",\"id\":" + id + ",\"schema\":" + quoted(schema) + ",\"deleted\":false}");
  }

  private void apply(String key, String value) {
    state.apply(offset++, key, value);
  }

  private static String quoted(String schema) {
    return Http.JSON.getNodeFactory().textNode(compact(schema)).toString();
  }
}
