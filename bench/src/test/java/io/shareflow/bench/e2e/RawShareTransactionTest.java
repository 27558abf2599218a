package io.shareflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The raw baseline must write the row share-api writes: when share-api's insert gains a column, the benchmark's
 * statement check reports the raw transaction as "NOT share-api's" only after a 10-minute run; this fails the build.
 */
class RawShareTransactionTest {

    private static final Pattern INSERT_SHARE = Pattern.compile("insert into share \\(([^)]*)\\)");

    @Test
    void theRawInsertNamesTheColumnsShareApisPersonShareInsertNames() throws IOException {
        String shares = Files.readString(Path.of("../share-api/src/main/java/io/shareflow/api/share/Shares.java"));

        assertThat(columns(RawShareTransaction.INSERT_SHARE)).isEqualTo(columns(shares));
    }

    @Test
    void aPlaceholderForEveryColumnButTheTypeLiteral() {
        int columns = columns(RawShareTransaction.INSERT_SHARE).split(",").length;
        long placeholders = RawShareTransaction.INSERT_SHARE.chars().filter(c -> c == '?').count();

        assertThat(placeholders).isEqualTo(columns - 1);
    }

    /** The column list of the first {@code insert into share (...)} in {@code sql}, whitespace folded. */
    private static String columns(String sql) {
        Matcher m = INSERT_SHARE.matcher(sql);
        assertThat(m.find()).as("an insert into share in %s", sql.substring(0, Math.min(80, sql.length()))).isTrue();
        return m.group(1).replaceAll("\\s+", " ").strip();
    }
}
