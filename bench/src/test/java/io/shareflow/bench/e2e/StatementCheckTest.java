package io.shareflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementCheckTest {

    @Test
    void aStatementIsTheSameWhateverItsLinesAndHowItsLiteralsWereKept() {
        String keptLiteral = "insert into share (id, type)\n   values ($1, 'person')";
        String normalised = "insert into share (id, type) values ($1, $2)";

        assertThat(StatementCheck.fold(keptLiteral)).isEqualTo(StatementCheck.fold(normalised))
                .isEqualTo("insert into share (id, type) values (?, ?)");
    }

    @Test
    void otherStatementsStayApart() {
        assertThat(StatementCheck.fold("select * from share where id = $1"))
                .isNotEqualTo(StatementCheck.fold("select * from share_history where id = $1"));
    }
}
