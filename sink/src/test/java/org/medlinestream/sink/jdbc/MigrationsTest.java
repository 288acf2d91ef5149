package org.medlinestream.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationsTest {

  @Test
  void splitsScriptsIntoStatementsWithoutComments() {
    String script = "-- a comment; with a semicolon\nCREATE TABLE a (x TEXT);\n\n"
        + "CREATE INDEX a_x ON a (x);  \n-- trailing comment\n";

    assertThat(Migrations.statements(script))
        .containsExactly("CREATE TABLE a (x TEXT)", "CREATE INDEX a_x ON a (x)");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void everyScriptOfTheFolderIsListedInOrder(Dialect dialect) throws IOException {
    Path folder = Path.of("src/main/resources/db/migration", dialect.folder());
    long scripts;
    try (Stream<Path> files = Files.list(folder)) {
      scripts = files.filter(file -> file.getFileName().toString().endsWith(".sql")).count();
    }

    Migrations migrations = new Migrations(dialect);

    assertThat(migrations.migrations()).hasSize((int) scripts);
    assertThat(migrations.migrations().get(0).description()).isEqualTo("citations");
    assertThat(new Migrations(Dialect.POSTGRESQL).migrations())
        .extracting(Migrations.Migration::description)
        .isEqualTo(new Migrations(Dialect.SQLITE).migrations().stream()
            .map(Migrations.Migration::description).toList());
  }
}
