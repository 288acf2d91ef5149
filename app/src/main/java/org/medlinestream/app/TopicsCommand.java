package org.medlinestream.app;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medline-stream topics}: creates the pipeline topics on the configured cluster. */
@Command(name = "topics",
    description = "Creates the pipeline topics that are missing on the configured Kafka cluster "
        + "(existing ones are left as they are; one with fewer partitions than asked is reported).")
final class TopicsCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private ConfigOptions config;

  @Mixin
  private KafkaOptions kafka;

  @Mixin
  private TopicOptions topicOptions;

  @Override
  public Integer call() throws InterruptedException {
    AppConfig settings = config.resolve();
    List<TopicCreator.Status> statuses;
    try (Admin admin = Admin.create(settings.kafkaProperties())) {
      statuses = new TopicCreator(admin).ensure(TopicCreator.pipelineTopics(settings));
    }
    statuses.forEach(status -> spec.commandLine().getOut().println(status.describe()));
    return 0;
  }
}
