package io.shareflow.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, PageRequest.DEFAULT_SIZE));
        assertThat(PageRequest.of(3, 10).offset()).isEqualTo(30);
    }

    @Test
    void namesTheParameterOutOfRange() {
        assertThatThrownBy(() -> PageRequest.of(-1, 10)).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.field()).isEqualTo("page"));
        assertThatThrownBy(() -> PageRequest.of(0, 0)).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.field()).isEqualTo("size"));
        assertThatThrownBy(() -> PageRequest.of(0, PageRequest.MAX_SIZE + 1)).isInstanceOf(InvalidRequest.class);
        assertThat(PageRequest.of(0, PageRequest.MAX_SIZE).size()).isEqualTo(PageRequest.MAX_SIZE);
    }

    @Test
    void pageKeepsItsPositionWhenMapped() {
        Page<Integer> page = Page.of(List.of(1, 2), PageRequest.of(2, 2), 7);
        assertThat(page.map(i -> "#" + i)).isEqualTo(new Page<>(List.of("#1", "#2"), 2, 2, 7));
    }
}
