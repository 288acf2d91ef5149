package org.medlinestream.schemas.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.medlinestream.schemas.registry.RegistryClientConfig;

/** Settings of the Avro serde: the registry client's, plus the serde's own, named as Confluent names them. */
public class AvroSerdeConfig extends RegistryClientConfig {
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  public static final ConfigDef CONFIG = new ConfigDef(RegistryClientConfig.CONFIG)
      .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
          "Register the record's schema under the subject when it is not there yet "
              + "(false: it must be registered already, else serializing fails).")
      .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
          "With " + AUTO_REGISTER_SCHEMAS + "=false: write with the subject's latest registered schema "
              + "(records of an older, compatible schema are converted to it) instead of looking up the record's own.")
      .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
          "Deserialize to the generated SpecificRecord class of the writer schema instead of GenericRecord.");

  public AvroSerdeConfig(Map<String, ?> originals) {
    super(CONFIG, originals);
  }

  public boolean autoRegisterSchemas() {
    return getBoolean(AUTO_REGISTER_SCHEMAS);
  }

  public boolean useLatestVersion() {
    return getBoolean(USE_LATEST_VERSION);
  }

  public boolean specificAvroReader() {
    return getBoolean(SPECIFIC_AVRO_READER);
  }
}
