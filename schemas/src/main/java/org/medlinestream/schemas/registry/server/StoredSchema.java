package org.medlinestream.schemas.registry.server;

import org.apache.avro.Schema;

/** A registered schema: its id, the compact JSON the registry stores and answers with, and its parsed form. */
record StoredSchema(int id, String schema, Schema parsed) {}
