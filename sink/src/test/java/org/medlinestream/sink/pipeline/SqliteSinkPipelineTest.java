package org.medlinestream.sink.pipeline;

import org.medlinestream.sink.TestDatabase;

/** The sink in the pipeline, into an SQLite file. */
class SqliteSinkPipelineTest extends SinkPipelineTest {

  @Override
  TestDatabase createDatabase() {
    return TestDatabase.Backend.SQLITE.create();
  }
}
