package org.medlinestream.sink.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows to insert, per table, in the order they were added. Values follow the table's columns. */
final class RowBatch {
  private final Map<Table, List<Object[]>> rows = new LinkedHashMap<>();

  void add(Table table, Object... values) {
    if (values.length != table.columns().size()) {
      throw new IllegalArgumentException(table + " has " + table.columns().size()
          + " columns, got " + values.length + " values");
    }
    rows.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
  }

  void addAll(RowBatch other) {
    other.rows.forEach((table, list) -> rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(list));
  }

  List<Object[]> rows(Table table) {
    return rows.getOrDefault(table, List.of());
  }
}
