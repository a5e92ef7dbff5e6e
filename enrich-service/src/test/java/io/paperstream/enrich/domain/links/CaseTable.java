package io.paperstream.enrich.domain.links;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the tab-separated case tables under {@code src/test/resources/links/}: '#' comments, one header row. */
final class CaseTable {

    private CaseTable() {}

    /** The data rows, each split on tabs into exactly {@code columns} cells (cells are not trimmed). */
    static List<String[]> read(String resource, int columns) {
        InputStream in = CaseTable.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " cells in: " + line
                            + " but got " + Arrays.toString(cells));
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** "-" marks an empty cell. */
    static String orNull(String cell) {
        return cell.equals("-") ? null : cell;
    }
}
