package org.medlinestream.sink.jdbc;

/** The SQL types the sink writes; {@link Dialect} maps each to its database's type and binding. */
enum ColumnType {
  TEXT,
  INTEGER,
  BIGINT,
  BOOLEAN,
  DATE,
  TIMESTAMP,
  JSON
}
