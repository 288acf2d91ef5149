package org.medlinestream.app.bench;

/** The topics of one stage of one run, apart from every other stage's and run's. */
record StageTopics(String raw, String citations, String dlq, String checkpoints) {

  static StageTopics of(String run, String stage) {
    String prefix = "bench." + run + "." + stage + ".";
    return new StageTopics(prefix + "raw", prefix + "citations", prefix + "dlq",
        prefix + "checkpoints");
  }

  /** The same topics, with another stage's raw topic as input. */
  StageTopics readingFrom(String rawTopic) {
    return new StageTopics(rawTopic, citations, dlq, checkpoints);
  }

  /** The same topics, with another stage's citations topic as input. */
  StageTopics sinkingFrom(String citationsTopic) {
    return new StageTopics(raw, citationsTopic, dlq, checkpoints);
  }
}
