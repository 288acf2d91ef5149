package org.medlinestream.schemas.registry;

/**
 * An error answer of a schema registry: the HTTP status and the body {@code {"error_code",
 * "message"}}. The registry client throws it for every error answer; the embedded registry throws
 * it to produce one. Factory methods build the answers Confluent Schema Registry gives.
 */
public class RegistryException extends RuntimeException {
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  public static final int STORE_ERROR = 50001;
  public static final int OPERATION_TIMEOUT = 50002;

  private final int httpStatus;
  private final int errorCode;

  public RegistryException(int httpStatus, int errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public RegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The registry's {@code error_code}, e.g. {@link #SUBJECT_NOT_FOUND}. */
  public int errorCode() {
    return errorCode;
  }

  public static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  public static RegistryException versionNotFound(int version) {
    return new RegistryException(404, VERSION_NOT_FOUND, "Version " + version + " not found.");
  }

  public static RegistryException schemaNotFound() {
    return new RegistryException(404, SCHEMA_NOT_FOUND, "Schema not found");
  }

  public static RegistryException schemaNotFound(int id) {
    return new RegistryException(404, SCHEMA_NOT_FOUND, "Schema " + id + " not found");
  }

  public static RegistryException subjectCompatibilityNotConfigured(String subject) {
    return new RegistryException(404, SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  public static RegistryException incompatibleSchema(String subject, Object details) {
    return new RegistryException(409, INCOMPATIBLE_SCHEMA,
        "Schema being registered is incompatible with an earlier schema for subject \""
            + subject + "\", details: " + details);
  }

  public static RegistryException invalidSchema(String why) {
    return new RegistryException(422, INVALID_SCHEMA, "Invalid schema: " + why);
  }

  public static RegistryException invalidVersion(String version) {
    return new RegistryException(422, INVALID_VERSION, "The specified version '" + version
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  public static RegistryException invalidCompatibilityLevel() {
    return new RegistryException(422, INVALID_COMPATIBILITY_LEVEL,
        "Invalid compatibility level. Valid values are none, backward, forward, full, "
            + "backward_transitive, forward_transitive, and full_transitive");
  }

  public static RegistryException storeError(String message, Throwable cause) {
    return new RegistryException(500, STORE_ERROR, message, cause);
  }

  public static RegistryException operationTimeout(String message, Throwable cause) {
    return new RegistryException(500, OPERATION_TIMEOUT, message, cause);
  }
}
