package io.shareflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReadmeCurlsTest {

    private static final String README = """
            Some text with `curl` in it.

            ```bash
            # Share it (202)
            curl -s -X POST http://localhost:8080/v1/shares/$LOG \\
              -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' \\
              -d '{"audience": "password", "name": "A320 log",
                   "recipients": [{"email": "crew@example.com"}]}'
            curl -s 'http://localhost:8081/v1/users?email=new@example.com' -H "Authorization: Bearer $ADMIN"
            #   curl -s -X POST http://localhost:8081/v1/registrations/<token> -H 'Content-Type: application/json' \\
            #     -d '{"displayName": "New Colleague", "password": "a long passphrase"}'
            # old one answers 410:  curl -s -X POST http://localhost:8081/v1/users/<userId>/invitations -H "X: y"
            ```

            ```bash
            API=http://localhost:8080
            post() { curl -s -X POST "$API$1" -H "Authorization: Bearer $ALICE" -d "$2"; }
            T=$(post /v1/shares/$LOG '{"recipientEmail": "new.colleague@example.com"}' | tok)
            for i in 1 2; do curl -s -o /dev/null -w '%{http_code} ' $API/v1/links/$T -H "X-Share-Password: wrong $i"; done   # 401 429
            T=$(post /v1/shares/$LOG "{\\"recipientEmail\\": \\"b@example.com\\", \\"expiresAt\\": \\"$(date -u -d '+5 seconds' +%FT%TZ)\\"}" | tok)
            curl -s "$API/v1/shares/$SHARE/activity" -H "Authorization: Bearer $ALICE"
            ```

            ```json
            {"curl -X DELETE http://localhost:8080/v1/ignored": 1}
            ```
            """;

    @Test
    void readsEveryCallOfTheBashBlocks() {
        List<ReadmeCurls.Curl> curls = ReadmeCurls.of(README);

        assertThat(curls).extracting(c -> c.method() + " :" + c.port() + c.path()).containsExactly(
                "POST :8080/v1/shares/$LOG",
                "GET :8081/v1/users",
                "POST :8081/v1/registrations/<token>",
                "POST :8081/v1/users/<userId>/invitations",
                "POST :8080/v1/shares/$LOG",
                "GET :8080/v1/links/$T",
                "POST :8080/v1/shares/$LOG",
                "GET :8080/v1/shares/$SHARE/activity");
        assertThat(curls.get(0).body()).isEqualTo("""
                {"audience": "password", "name": "A320 log",
                       "recipients": [{"email": "crew@example.com"}]}""");
        assertThat(curls.get(0).line()).isEqualTo(5);
        assertThat(curls.get(2).body()).isEqualTo("{\"displayName\": \"New Colleague\", \"password\": \"a long passphrase\"}");
        assertThat(curls.get(4).body()).isEqualTo("{\"recipientEmail\": \"new.colleague@example.com\"}");
        assertThat(curls.get(6).body()).isEqualTo("{\"recipientEmail\": \"b@example.com\", \"expiresAt\": \""
                + ReadmeCurls.SUBSTITUTED_TIME + "\"}");
        assertThat(curls.get(5).body()).isNull();
    }
}
