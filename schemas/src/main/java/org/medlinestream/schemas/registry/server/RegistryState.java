package org.medlinestream.schemas.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.medlinestream.schemas.registry.CompatibilityLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@code _schemas} log says, rebuilt by applying its records in order; every registry
 * instance reading the same log holds the same state. Registries of this project take turns to
 * write (see {@link KafkaSchemaLog}), so their records never contradict each other; a SCHEMA
 * record that contradicts an earlier one anyway (its id already names another schema, its schema
 * already has another id, or its subject version already holds another id: a writer that did not
 * take turns) is ignored, so that an id once given keeps its schema.
 */
final class RegistryState implements SchemaLog.Listener {
  private static final Logger log = LoggerFactory.getLogger(RegistryState.class);

  private final Map<Integer, StoredSchema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, TreeMap<Integer, StoredVersion>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;
  private int maxId;

  @Override
  public synchronized void apply(long offset, String key, String value) {
    JsonNode keyJson = StoreRecords.parse(key);
    if (keyJson == null) {
      log.warn("_schemas record at offset {} has a key that is not JSON; ignored: {}", offset, key);
      return;
    }
    String subject = keyJson.path("subject").isTextual() ? keyJson.path("subject").asText() : null;
    switch (keyJson.path("keytype").asText()) {
      case StoreRecords.SCHEMA -> applySchema(offset, subject, keyJson.path("version").asInt(), value);
      case StoreRecords.CONFIG -> applyConfig(offset, subject, value);
      case StoreRecords.DELETE_SUBJECT -> applySubjectDeletion(value);
      default -> { } // NOOP markers, and MODE / CLEAR_SUBJECT, which change nothing this registry serves
    }
  }

  private void applySchema(long offset, String subject, int version, String value) {
    TreeMap<Integer, StoredVersion> versions = subjects.computeIfAbsent(subject, s -> new TreeMap<>());
    if (value == null) {
      StoredVersion removed = versions.remove(version);
      if (removed != null) {
        forgetIfUnused(removed.id());
      }
      return;
    }
    JsonNode json = StoreRecords.parse(value);
    if (json == null || !json.path("id").canConvertToInt() || !json.path("schema").isTextual()) {
      log.warn("_schemas record at offset {} has an unreadable SCHEMA value; ignored: {}", offset, value);
      return;
    }
    int id = json.path("id").asInt();
    maxId = Math.max(maxId, id);
    String type = json.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      log.warn("_schemas record at offset {} holds a {} schema; only AVRO is served", offset, type);
      return;
    }
    Schema parsed;
    try {
      parsed = new Schema.Parser().parse(json.path("schema").asText());
    } catch (SchemaParseException e) {
      log.warn("_schemas record at offset {} holds an invalid schema ({}); ignored", offset, e.getMessage());
      return;
    }
    String schema = parsed.toString();
    StoredSchema holder = schemasById.get(id);
    Integer schemaId = idsBySchema.get(schema);
    StoredVersion existing = versions.get(version);
    if ((holder != null && !holder.schema().equals(schema)) || (schemaId != null && schemaId != id)
        || (existing != null && existing.id() != id)) {
      log.debug("_schemas record at offset {} contradicts earlier ones (a concurrent registration); ignored", offset);
      return;
    }
    StoredSchema stored = new StoredSchema(id, schema, parsed);
    schemasById.put(id, stored);
    idsBySchema.put(schema, id);
    versions.put(version, new StoredVersion(subject, version, stored, json.path("deleted").asBoolean()));
  }

  private void applyConfig(long offset, String subject, String value) {
    CompatibilityLevel level = null;
    if (value != null) {
      JsonNode json = StoreRecords.parse(value);
      level = CompatibilityLevel.parse(json == null ? null : json.path("compatibilityLevel").asText(null)).orElse(null);
      if (level == null) {
        log.warn("_schemas record at offset {} has an unreadable CONFIG value; ignored: {}", offset, value);
        return;
      }
    }
    if (subject == null) {
      globalLevel = level;
    } else if (level == null) {
      subjectLevels.remove(subject);
    } else {
      subjectLevels.put(subject, level);
    }
  }

  private void applySubjectDeletion(String value) {
    JsonNode json = StoreRecords.parse(value);
    if (json == null) {
      return;
    }
    TreeMap<Integer, StoredVersion> versions = subjects.get(json.path("subject").asText());
    if (versions != null) {
      versions.headMap(json.path("version").asInt(), true).replaceAll((version, stored) ->
          new StoredVersion(stored.subject(), version, stored.schema(), true));
    }
  }

  private void forgetIfUnused(int id) {
    boolean used = subjects.values().stream().anyMatch(versions ->
        versions.values().stream().anyMatch(version -> version.id() == id));
    if (!used) {
      idsBySchema.remove(schemasById.remove(id).schema());
    }
  }

  /** The schema with this id. */
  synchronized Optional<StoredSchema> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  /** The id of {@code schema} (compact JSON as {@link Schema#toString()} writes it), in any subject. */
  synchronized OptionalInt idOf(String schema) {
    Integer id = idsBySchema.get(schema);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The highest id ever given, 0 when none. */
  synchronized int maxId() {
    return maxId;
  }

  /** The live (not deleted) versions of {@code subject}, oldest first. */
  synchronized List<StoredVersion> versions(String subject) {
    List<StoredVersion> live = new ArrayList<>();
    subjects.getOrDefault(subject, new TreeMap<>()).values().forEach(version -> {
      if (!version.deleted()) {
        live.add(version);
      }
    });
    return live;
  }

  /** The version record stored under this key, deleted or not. */
  synchronized Optional<StoredVersion> storedVersion(String subject, int version) {
    return Optional.ofNullable(subjects.getOrDefault(subject, new TreeMap<>()).get(version));
  }

  /** The highest version number {@code subject} ever had, deleted ones included; 0 when none. */
  synchronized int maxVersion(String subject) {
    TreeMap<Integer, StoredVersion> versions = subjects.get(subject);
    return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
  }

  /** Subjects with at least one live version, sorted. */
  synchronized List<String> subjects() {
    List<String> live = new ArrayList<>();
    subjects.forEach((subject, versions) -> {
      if (versions.values().stream().anyMatch(version -> !version.deleted())) {
        live.add(subject);
      }
    });
    return live;
  }

  /** The level set on {@code subject} itself, or the global one when {@code subject} is null. */
  synchronized Optional<CompatibilityLevel> compatibility(String subject) {
    return Optional.ofNullable(subject == null ? globalLevel : subjectLevels.get(subject));
  }
}
