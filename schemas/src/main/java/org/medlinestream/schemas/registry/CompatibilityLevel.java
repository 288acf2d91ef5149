package org.medlinestream.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Schema Registry compatibility levels, checked with Avro's own {@link SchemaCompatibility}.
 * BACKWARD: consumers using the new schema can read data written with the previous one; FORWARD:
 * consumers still on the previous schema can read data written with the new one; FULL: both. The
 * transitive variants compare with every earlier version instead of only the latest.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** The level named {@code name} in any letter case, or empty when there is no such level. */
  public static Optional<CompatibilityLevel> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Why {@code candidate} may not follow {@code previous} (oldest first) at this level; empty when
   * it may. Only the latest previous version counts unless the level is transitive.
   */
  public List<String> incompatibilities(Schema candidate, List<Schema> previous) {
    List<String> problems = new ArrayList<>();
    int first = transitive ? 0 : Math.max(0, previous.size() - 1);
    for (Schema earlier : previous.subList(first, previous.size())) {
      if (backward) {
        problems.addAll(readProblems(candidate, earlier, "new schema cannot read data written with an earlier one"));
      }
      if (forward) {
        problems.addAll(readProblems(earlier, candidate, "an earlier schema cannot read data written with the new one"));
      }
    }
    return problems;
  }

  private static List<String> readProblems(Schema reader, Schema writer, String what) {
    List<String> problems = new ArrayList<>();
    for (Incompatibility incompatibility :
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities()) {
      problems.add(String.format("%s: %s at %s: %s", what, incompatibility.getType(),
          incompatibility.getLocation(), incompatibility.getMessage()));
    }
    return problems;
  }
}
