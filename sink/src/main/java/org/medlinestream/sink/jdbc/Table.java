package org.medlinestream.sink.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table the sink inserts into: its name and columns in insert order. The DDL lives in the
 * migrations ({@code db/migration/<dialect>/}); these definitions must name the same columns.
 */
final class Table {
  private final String name;
  private final List<String> columns = new ArrayList<>();
  private final List<ColumnType> types = new ArrayList<>();

  private Table(String name) {
    this.name = name;
  }

  static Table named(String name) {
    return new Table(name);
  }

  Table column(String column, ColumnType type) {
    columns.add(column);
    types.add(type);
    return this;
  }

  Table text(String... names) {
    for (String column : names) {
      column(column, ColumnType.TEXT);
    }
    return this;
  }

  Table integer(String column) {
    return column(column, ColumnType.INTEGER);
  }

  Table bool(String... names) {
    for (String column : names) {
      column(column, ColumnType.BOOLEAN);
    }
    return this;
  }

  String name() {
    return name;
  }

  List<String> columns() {
    return Collections.unmodifiableList(columns);
  }

  ColumnType type(int index) {
    return types.get(index);
  }

  String insertSql(Dialect dialect) {
    return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
        + types.stream().map(dialect::placeholder).collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return name;
  }
}
