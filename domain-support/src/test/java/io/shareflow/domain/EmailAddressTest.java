package io.shareflow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.shareflow.testsupport.EmailAddressTable;
import io.shareflow.testsupport.EmailAddressTable.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one address rule, pinned by the table every service's HTTP test reads too. */
class EmailAddressTest {

    static List<Row> table() {
        return EmailAddressTable.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void answersAsTheTableSays(Row row) {
        assertThat(EmailAddress.isValid(row.address())).as(row.address()).isEqualTo(row.valid());
        if (row.valid()) {
            assertThat(EmailAddress.of(row.address()).value()).isEqualTo(row.address());
        } else {
            assertThatThrownBy(() -> EmailAddress.of(row.address())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void tableCoversWhatTheRuleDecides() {
        assertThat(table()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(EmailAddressTable.valid()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(EmailAddressTable.invalid()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(table()).extracting(Row::address).doesNotHaveDuplicates();
        // The length limits sit exactly at the edges.
        assertThat(table()).anySatisfy(row -> assertThat(row.address().length()).isEqualTo(EmailAddress.MAX_LENGTH))
                .anySatisfy(row -> assertThat(row.address().length()).isEqualTo(EmailAddress.MAX_LENGTH + 1))
                .anySatisfy(row -> assertThat(row.address().indexOf('@')).isEqualTo(EmailAddress.MAX_LOCAL_PART_LENGTH))
                .anySatisfy(row -> assertThat(row.address().indexOf('@')).isEqualTo(EmailAddress.MAX_LOCAL_PART_LENGTH + 1));
    }

    @Test
    void parsingStripsSurroundingBlanksOnly() {
        assertThat(EmailAddress.of("  Ada@Example.com\t").value()).isEqualTo("Ada@Example.com");
        assertThat(EmailAddress.isValid(" ada@example.com")).isFalse();
        assertThatThrownBy(() -> EmailAddress.of("ada @example.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAddressStoredUnderAnEarlierRuleStaysReadable() {
        assertThat(EmailAddress.isValid("a@b.c")).isFalse();
        assertThat(EmailAddress.stored("a@b.c").value()).isEqualTo("a@b.c");
        assertThat(EmailAddress.stored("a@b.c")).isEqualTo(EmailAddress.stored("a@b.c"));
        assertThatThrownBy(() -> EmailAddress.stored(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameAccountIgnoringCase() {
        assertThat(EmailAddress.of("Ada@Example.COM").normalized()).isEqualTo("ada@example.com");
        assertThat(EmailAddress.normalized("BOB@x.example")).isEqualTo("bob@x.example");
    }
}
