package org.medlinestream.schemas.registry;

import org.apache.avro.Schema;

/** One version of a subject as the registry answers it: {@code {"subject","version","id","schema"}}. */
public record SchemaVersion(String subject, int version, int id, Schema schema) {}
