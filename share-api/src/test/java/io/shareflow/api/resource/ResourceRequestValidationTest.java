package io.shareflow.api.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each field of a create-resource request on its own, as Bean Validation checks it at the web edge (whether
 * the document type fits the kind is NewResourceTest's; ids that are not UUIDs are ResourceApiIT's).
 */
class ResourceRequestValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aFileAFolderAndACollectionAreValid() {
        assertThat(invalidFields(new ResourceRequest("Manual.pdf", "file", "maintenance-file", UUID.randomUUID(),
                UUID.randomUUID()))).isEmpty();
        assertThat(invalidFields(new ResourceRequest(" Docs ", "folder", null, null, null))).isEmpty();
        assertThat(invalidFields(new ResourceRequest("Set", "collection", null, null, null))).isEmpty();
        assertThat(invalidFields(new ResourceRequest("n".repeat(255), "folder", null, null, null))).isEmpty();
    }

    @Test
    void theNameIsRequiredPlainTextOfAtMost255Characters() {
        assertThat(invalidFields(new ResourceRequest(null, "folder", null, null, null))).containsOnly("name");
        assertThat(invalidFields(new ResourceRequest("  ", "folder", null, null, null))).containsOnly("name");
        assertThat(invalidFields(new ResourceRequest("n".repeat(256), "folder", null, null, null))).containsOnly("name");
        assertThat(invalidFields(new ResourceRequest("a\nb", "folder", null, null, null))).containsOnly("name");
        assertThat(invalidFields(new ResourceRequest("a\u0000b", "folder", null, null, null))).containsOnly("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Folder", "drive", "", "file "})
    void theKindIsOneOfFileFolderCollection(String kind) {
        assertThat(invalidFields(new ResourceRequest("Docs", kind, null, null, null))).containsExactly("kind");
    }

    @Test
    void theKindIsRequired() {
        assertThat(invalidFields(new ResourceRequest("Docs", null, null, null, null))).containsExactly("kind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"asset-document", "maintenance-file", "internal"})
    void knownDocumentTypesAreAccepted(String documentType) {
        assertThat(invalidFields(new ResourceRequest("f.pdf", "file", documentType, null, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "Internal", ""})
    void unknownDocumentTypesAreRefused(String documentType) {
        assertThat(invalidFields(new ResourceRequest("f.pdf", "file", documentType, null, null)))
                .containsExactly("documentType");
    }

    private static List<String> invalidFields(ResourceRequest request) {
        return validator.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .sorted().toList();
    }
}
