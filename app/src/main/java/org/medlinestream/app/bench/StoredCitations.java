package org.medlinestream.app.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The check that a JDBC store holds exactly the corpus's citations. */
final class StoredCitations {
  private StoredCitations() {}

  static void check(String jdbcUrl, long expected) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM citations")) {
      rows.next();
      long stored = rows.getLong(1);
      if (stored != expected) {
        throw new IllegalStateException(jdbcUrl + " holds " + stored + " citations, not the "
            + expected + " of the corpus");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the citations in " + jdbcUrl + ": "
          + e.getMessage(), e);
    }
  }
}
