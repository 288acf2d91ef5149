package org.medlinestream.app;

import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code medline-stream topics}: creates the pipeline topics on the configured cluster. */
@Command(name = "topics",
    description = "Creates the pipeline topics that are missing on the configured Kafka cluster "
        + "(existing ones are left as they are; one with fewer partitions than asked is reported).")
final class TopicsCommand extends ConnectedCommand {
  @Mixin
  private TopicOptions topicOptions;

  @Override
  public Integer call() throws InterruptedException {
    AppConfig settings = config.resolve();
    List<TopicCreator.Status> statuses;
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      statuses = new TopicCreator(admin).ensure(TopicCreator.pipelineTopics(settings));
    }
    statuses.forEach(status -> out().println(status.describe()));
    return 0;
  }
}
