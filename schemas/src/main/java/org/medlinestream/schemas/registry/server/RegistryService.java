package org.medlinestream.schemas.registry.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.medlinestream.schemas.registry.CompatibilityLevel;
import org.medlinestream.schemas.registry.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's operations over a {@link SchemaLog}: reads answer from the replayed {@link
 * RegistryState} (catching up with the log first when something is not found, since another
 * instance may just have written it); writes are decided on the caught-up state by the log's only
 * writer, and answered once the state holds them.
 */
final class RegistryService {
  private static final Logger log = LoggerFactory.getLogger(RegistryService.class);

  private final SchemaLog schemaLog;
  private final RegistryState state = new RegistryState();
  private final CompatibilityLevel defaultLevel;

  RegistryService(SchemaLog schemaLog, CompatibilityLevel defaultLevel) {
    this.schemaLog = schemaLog;
    this.defaultLevel = defaultLevel;
  }

  void start() {
    schemaLog.start(state);
  }

  /** Registers {@code schemaText} under {@code subject}, or finds it there, and returns its id. */
  int register(String subject, String schemaText) {
    Schema schema = parse(schemaText);
    String canonical = schema.toString();
    Optional<StoredVersion> known = holding(subject, canonical);
    if (known.isPresent()) {
      return known.get().id(); // without taking a turn as the writer
    }
    StoredVersion registered = schemaLog.write(entries -> {
      Optional<StoredVersion> meanwhile = holding(subject, canonical);
      if (meanwhile.isPresent()) {
        return meanwhile.get();
      }
      List<String> problems = level(subject).incompatibilities(schema, parsedVersions(subject));
      if (!problems.isEmpty()) {
        throw RegistryException.incompatibleSchema(subject, problems);
      }
      int id = state.idOf(canonical).orElse(state.maxId() + 1);
      StoredVersion version = new StoredVersion(subject, state.maxVersion(subject) + 1,
          new StoredSchema(id, canonical, schema), false);
      entries.add(new SchemaLog.Entry(StoreRecords.schemaKey(subject, version.version()), StoreRecords.schemaValue(version)));
      log.info("registering schema id {} as version {} of subject {}", id, version.version(), subject);
      return version;
    });
    if (state.storedVersion(subject, registered.version()).filter(stored -> stored.id() == registered.id()).isEmpty()) {
      throw RegistryException.storeError("a writer that does not take turns with this registry (another kind of "
          + "registry on the same topic?) wrote version " + registered.version() + " of subject '" + subject
          + "' at the same time; register again", null);
    }
    return registered.id();
  }

  /** The live version of {@code subject} that holds {@code schemaText}. */
  StoredVersion lookup(String subject, String schemaText) {
    String canonical = parse(schemaText).toString();
    return fresh(() -> {
      liveVersions(subject);
      return holding(subject, canonical).orElseThrow(RegistryException::schemaNotFound);
    });
  }

  /** The live version of {@code subject} whose schema is {@code canonical}. */
  private Optional<StoredVersion> holding(String subject, String canonical) {
    return state.versions(subject).stream().filter(version -> version.schema().schema().equals(canonical)).findFirst();
  }

  StoredSchema schemaById(int id) {
    return fresh(() -> state.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id)));
  }

  int maxId() {
    return state.maxId();
  }

  List<String> subjects() {
    return state.subjects();
  }

  /** The live version numbers of {@code subject}, oldest first. */
  List<Integer> versionNumbers(String subject) {
    return fresh(() -> liveVersions(subject).stream().map(StoredVersion::version).toList());
  }

  /** A live version of {@code subject}: a number, or {@code latest} / {@code -1} for the newest. */
  StoredVersion version(String subject, String version) {
    int number = versionNumber(version);
    return fresh(() -> {
      List<StoredVersion> versions = liveVersions(subject);
      if (number == -1) {
        return versions.get(versions.size() - 1);
      }
      return versions.stream().filter(stored -> stored.version() == number).findFirst()
          .orElseThrow(() -> RegistryException.versionNotFound(number));
    });
  }

  /**
   * Why {@code schemaText} may not follow {@code version} of {@code subject} at the subject's level
   * (for {@code latest}: the versions the level compares with); empty when it may.
   */
  List<String> incompatibilities(String subject, String version, String schemaText) {
    Schema schema = parse(schemaText);
    if (versionNumber(version) == -1) {
      schemaLog.sync();
      return level(subject).incompatibilities(schema, parsedVersions(subject));
    }
    Schema earlier = version(subject, version).schema().parsed();
    return level(subject).incompatibilities(schema, List.of(earlier));
  }

  /** The level in force for {@code subject}: its own, else the global one. */
  CompatibilityLevel level(String subject) {
    return state.compatibility(subject).orElseGet(this::globalLevel);
  }

  CompatibilityLevel globalLevel() {
    return state.compatibility(null).orElse(defaultLevel);
  }

  /** The level set on {@code subject} itself; 40408 when it has none. */
  CompatibilityLevel subjectLevel(String subject) {
    return fresh(() -> state.compatibility(subject)
        .orElseThrow(() -> RegistryException.subjectCompatibilityNotConfigured(subject)));
  }

  /** Sets the level of {@code subject}, or the global one when {@code subject} is null. */
  CompatibilityLevel setLevel(String subject, String levelName) {
    CompatibilityLevel level = CompatibilityLevel.parse(levelName)
        .orElseThrow(RegistryException::invalidCompatibilityLevel);
    return schemaLog.write(entries -> {
      entries.add(new SchemaLog.Entry(StoreRecords.configKey(subject), StoreRecords.configValue(level)));
      return level;
    });
  }

  private List<StoredVersion> liveVersions(String subject) {
    List<StoredVersion> versions = state.versions(subject);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return versions;
  }

  private List<Schema> parsedVersions(String subject) {
    List<Schema> schemas = new ArrayList<>();
    state.versions(subject).forEach(version -> schemas.add(version.schema().parsed()));
    return schemas;
  }

  /** The query's answer; on "not found", once more after catching up with the log (another instance may have just written it). */
  private <T> T fresh(Supplier<T> query) {
    try {
      return query.get();
    } catch (RegistryException e) {
      if (e.httpStatus() != 404) {
        throw e;
      }
      schemaLog.sync();
      return query.get();
    }
  }

  /** {@code -1} for the latest version, else the positive version number; 42202 for anything else. */
  private static int versionNumber(String version) {
    String trimmed = version.trim();
    if (trimmed.toLowerCase(Locale.ROOT).equals("latest")) {
      return -1;
    }
    try {
      int number = Integer.parseInt(trimmed);
      if (number == -1 || number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw RegistryException.invalidVersion(version);
  }

  private static Schema parse(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw RegistryException.invalidSchema("the request has no schema");
    }
    try {
      return new Schema.Parser().parse(schemaText);
    } catch (AvroRuntimeException | IllegalArgumentException e) {
      throw RegistryException.invalidSchema(e.getMessage());
    }
  }
}
