package io.shareflow.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one table of e-mail addresses and whether shareflow accepts them ({@code email-addresses.tsv} beside
 * this class). The domain's unit test and each service's HTTP test read the same rows, so the services can
 * never disagree on an address.
 */
public final class EmailAddressTable {

    /** One row: the address (escapes resolved), whether it is valid, and why it is in the table. */
    public record Row(String address, boolean valid, String why) {
        @Override
        public String toString() {
            return (valid ? "valid: " : "invalid: ") + why;
        }
    }

    private EmailAddressTable() {
    }

    public static List<Row> rows() {
        try (InputStream in = EmailAddressTable.class.getResourceAsStream("email-addresses.tsv")) {
            if (in == null) {
                throw new IllegalStateException("email-addresses.tsv is missing from test-support");
            }
            List<Row> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 3 || !(columns[1].equals("valid") || columns[1].equals("invalid"))) {
                    throw new IllegalStateException("Bad row in email-addresses.tsv: " + line);
                }
                rows.add(new Row(unescape(columns[0]), columns[1].equals("valid"), columns[2]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Row> valid() {
        return rows().stream().filter(Row::valid).toList();
    }

    public static List<Row> invalid() {
        return rows().stream().filter(row -> !row.valid()).toList();
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
