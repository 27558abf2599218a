package io.shareflow.bench.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * The one table the benchmark prints: each figure with its baseline from the same run, their ratio, the issue's
 * target and whether it is met. As Markdown with padded columns, so it reads on a terminal and pastes into the README.
 */
final class ResultTable {

    enum Met {
        YES("yes"), NO("NO"), UNKNOWN("n/a");

        private final String text;

        Met(String text) {
            this.text = text;
        }

        static Met of(boolean met) {
            return met ? YES : NO;
        }
    }

    record Row(String figure, String measured, String baseline, String ratio, String target, Met met) {
    }

    private static final String[] HEADER = {"figure", "measured", "baseline in the same run", "ratio", "target", "met?"};

    private final List<Row> rows = new ArrayList<>();

    ResultTable add(String figure, String measured, String baseline, String ratio, String target, Met met) {
        rows.add(new Row(figure, measured, baseline, ratio, target, met));
        return this;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String format() {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Row r : rows) {
            cells.add(new String[] {r.figure(), r.measured(), r.baseline(), r.ratio(), r.target(), r.met().text});
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], escape(line[i]).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, cells.get(0), widths);
        out.append('|');
        for (int width : widths) {
            out.append('-').append("-".repeat(width)).append("-|");
        }
        out.append('\n');
        for (int i = 1; i < cells.size(); i++) {
            line(out, cells.get(i), widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.length; i++) {
            String cell = escape(cells[i]);
            out.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
        }
        out.append('\n');
    }

    /** A cell never breaks the table: no pipe, no line break. */
    private static String escape(String cell) {
        return cell == null ? "" : cell.replace("|", "\\|").replace('\n', ' ');
    }
}
