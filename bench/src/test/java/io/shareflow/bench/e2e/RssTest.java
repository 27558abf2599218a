package io.shareflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RssTest {

    @Test
    void readsTheKilobytesOfAProcStatusLine() {
        assertThat(Rss.parseKilobytes("VmRSS:\t  307200 kB")).isEqualTo(307_200);
    }

    @Test
    void readsThisProcess() {
        assertThat(Rss.megabytes(ProcessHandle.current().pid())).isGreaterThan(1);
    }
}
