package org.medlinestream.schemas.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.medlinestream.schemas.registry.CompatibilityLevel;

/**
 * The JSON keys and values of the {@code _schemas} topic, byte for byte as Confluent Schema
 * Registry writes them (same field order, so that compaction merges our keys with Confluent's).
 */
final class StoreRecords {
  static final String SCHEMA = "SCHEMA";
  static final String CONFIG = "CONFIG";
  static final String DELETE_SUBJECT = "DELETE_SUBJECT";

  private static final ObjectMapper JSON = new ObjectMapper();

  private StoreRecords() {}

  /** {@code {"keytype":"SCHEMA","subject":s,"version":n,"magic":1}}. */
  static String schemaKey(String subject, int version) {
    return JSON.createObjectNode().put("keytype", SCHEMA).put("subject", subject)
        .put("version", version).put("magic", 1).toString();
  }

  /** {@code {"subject":s,"version":n,"id":id,"schema":"...","deleted":false}}. */
  static String schemaValue(StoredVersion version) {
    return JSON.createObjectNode().put("subject", version.subject()).put("version", version.version())
        .put("id", version.id()).put("schema", version.schema().schema()).put("deleted", version.deleted()).toString();
  }

  /** {@code {"keytype":"CONFIG","subject":s,"magic":0}}, subject null for the global level. */
  static String configKey(String subject) {
    ObjectNode key = JSON.createObjectNode().put("keytype", CONFIG);
    if (subject == null) {
      key.putNull("subject");
    } else {
      key.put("subject", subject);
    }
    return key.put("magic", 0).toString();
  }

  /** {@code {"compatibilityLevel":"BACKWARD"}}. */
  static String configValue(CompatibilityLevel level) {
    return JSON.createObjectNode().put("compatibilityLevel", level.name()).toString();
  }

  /** The parsed JSON, or null when {@code text} is null or not JSON. */
  static JsonNode parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
