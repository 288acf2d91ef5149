package org.medlinestream.schemas.serde;

/** Subject names as Confluent's default {@code TopicNameStrategy} forms them. */
public final class TopicNameStrategy {
  private TopicNameStrategy() {}

  /** {@code <topic>-key} or {@code <topic>-value}. */
  public static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
