package io.shareflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void printsOneMarkdownTableWithPaddedColumns() {
        String table = new ResultTable()
                .add("API accept rate, 8 clients", "812/s", "raw JDBC 1,020/s", "0.80×", "≥ 0.8×", ResultTable.Met.YES)
                .add("notifier send rate", "n/a", "—", "—", "≥ 0.8×", ResultTable.Met.UNKNOWN)
                .format();

        assertThat(table).isEqualTo("""
                | figure                     | measured | baseline in the same run | ratio | target | met? |
                |----------------------------|----------|--------------------------|-------|--------|------|
                | API accept rate, 8 clients | 812/s    | raw JDBC 1,020/s         | 0.80× | ≥ 0.8× | yes  |
                | notifier send rate         | n/a      | —                        | —     | ≥ 0.8× | n/a  |
                """);
    }

    @Test
    void aCellNeverBreaksTheTable() {
        String table = new ResultTable().add("a | b", "two\nlines", null, "", "", ResultTable.Met.NO).format();

        assertThat(table.lines().skip(2).findFirst().orElseThrow())
                .isEqualTo("| a \\| b | two lines |                          |       |        | NO   |");
    }
}
