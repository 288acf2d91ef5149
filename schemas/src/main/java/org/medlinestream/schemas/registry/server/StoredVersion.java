package org.medlinestream.schemas.registry.server;

/** One version of a subject as the registry holds it. */
record StoredVersion(String subject, int version, StoredSchema schema, boolean deleted) {
  int id() {
    return schema.id();
  }
}
