package org.medlinestream.enrich.enrichment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tab-separated test table from the classpath: {@code #} lines are comments, the first other
 * line names the columns, a cell {@code -} means none.
 */
public final class TsvTable {

    /** One data row, with its line number for test names. */
    public record Row(int line, List<String> header, String[] cells) {

        /** The cell of {@code column}, or null where it is {@code -}. */
        public String get(String column) {
            int index = header.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + header);
            }
            String cell = cells[index];
            return "-".equals(cell) ? null : cell;
        }
    }

    private TsvTable() {
    }

    /** The rows of resource {@code name}; each must have as many cells as the header. */
    public static List<Row> read(String name) {
        try (InputStream in = TsvTable.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("test resource not found: " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            String line;
            for (int number = 1; (line = reader.readLine()) != null; number++) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (header == null) {
                    header = List.of(cells);
                } else if (cells.length != header.size()) {
                    throw new IllegalStateException(name + ":" + number + ": " + cells.length + " cells, expected "
                            + header.size() + ": " + Arrays.toString(cells));
                } else {
                    rows.add(new Row(number, header, cells));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
