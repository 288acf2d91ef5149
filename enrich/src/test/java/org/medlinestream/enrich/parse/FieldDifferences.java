package org.medlinestream.enrich.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Compares two Avro records field by field, nested records and arrays included, and names every
 * field whose values differ by its path ({@code authors[2].affiliations[0]}). Paths listed as
 * excluded (with {@code []} for any index: {@code authors[].suffix}) are skipped.
 */
final class FieldDifferences {
  private final Set<String> excluded;
  private final List<String> found = new ArrayList<>();

  private FieldDifferences(Set<String> excluded) {
    this.excluded = excluded;
  }

  /** One line per differing field: {@code path: expected <a> but was <b>}. */
  static List<String> between(IndexedRecord expected, IndexedRecord actual, Set<String> excluded) {
    FieldDifferences differences = new FieldDifferences(excluded);
    differences.records("", expected, actual);
    return differences.found;
  }

  private void records(String path, IndexedRecord expected, IndexedRecord actual) {
    for (Schema.Field field : expected.getSchema().getFields()) {
      String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
      if (!excluded.contains(fieldPath.replaceAll("\\[\\d+]", "[]"))) {
        values(fieldPath, expected.get(field.pos()), actual.get(field.pos()));
      }
    }
  }

  private void values(String path, Object expected, Object actual) {
    if (expected instanceof IndexedRecord e && actual instanceof IndexedRecord a) {
      records(path, e, a);
    } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
      for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
        Object expectedItem = i < e.size() ? e.get(i) : null;
        values(path + "[" + i + "]", expectedItem, i < a.size() ? a.get(i) : null);
      }
    } else if (!Objects.equals(expected, actual)) {
      found.add(path + ": expected <" + expected + "> but was <" + actual + ">");
    }
  }
}
