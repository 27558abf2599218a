package io.shareflow.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class StoredJsonTest {

    record Policy(String maxRole) {
    }

    private final JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void readsWhatAnOlderVersionStoredWhereTheStrictMapperRefusesIt() {
        String stored = "{\"maxRole\": \"viewer\", \"droppedSince\": true}";

        assertThatThrownBy(() -> strict.readValue(stored, Policy.class)).hasMessageContaining("droppedSince");
        assertThat(new StoredJson(strict).read(stored, Policy.class)).isEqualTo(new Policy("viewer"));
        assertThat(strict.readValue(stored.replace(", \"droppedSince\": true", ""), Policy.class))
                .as("the strict mapper itself is left as it was").isEqualTo(new Policy("viewer"));
    }

    @Test
    void writesAsTheServiceMapperDoes() {
        StoredJson json = new StoredJson(strict);
        assertThat(json.read(json.write(new Policy("manager")), Policy.class)).isEqualTo(new Policy("manager"));
    }
}
