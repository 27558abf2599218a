package io.shareflow.api.access.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AccessRolesTest {

    @Test
    void rolesRankViewerDownloaderContributorManager() {
        assertThat(AccessRoles.rank("viewer")).isEqualTo(1);
        assertThat(AccessRoles.rank("downloader")).isEqualTo(2);
        assertThat(AccessRoles.rank("contributor")).isEqualTo(3);
        assertThat(AccessRoles.rank("manager")).isEqualTo(4);
        assertThat(AccessRoles.rank("owner")).isZero();
        assertThat(AccessRoles.rank(null)).isZero();
    }

    @Test
    void theHigherOfTwoWins() {
        assertThat(AccessRoles.higher(Optional.of("viewer"), Optional.of("manager"))).contains("manager");
        assertThat(AccessRoles.higher(Optional.of("contributor"), Optional.of("downloader"))).contains("contributor");
        assertThat(AccessRoles.higher(Optional.empty(), Optional.of("viewer"))).contains("viewer");
        assertThat(AccessRoles.higher(Optional.of("viewer"), Optional.empty())).contains("viewer");
        assertThat(AccessRoles.higher(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void atLeast() {
        assertThat(AccessRoles.atLeast(Optional.of("manager"), "manager")).isTrue();
        assertThat(AccessRoles.atLeast(Optional.of("manager"), "viewer")).isTrue();
        assertThat(AccessRoles.atLeast(Optional.of("contributor"), "manager")).isFalse();
        assertThat(AccessRoles.atLeast(Optional.empty(), "viewer")).isFalse();
        assertThat(AccessRoles.atLeast(Optional.of("manager"), "owner")).isFalse();
    }

    @Test
    void viaIsWrittenInLowerCase() {
        assertThat(Via.parse("collection")).contains(Via.COLLECTION);
        assertThat(Via.DIRECT.value()).isEqualTo("direct");
        assertThat(Via.parse("link")).isEmpty();
    }
}
