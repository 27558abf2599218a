package io.shareflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.shareflow.schemas.SealedFieldException;
import io.shareflow.schemas.SealedFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void theHeapTrimIsLeftOutWhereTheJvmWouldRefuseIt() {
        String trim = "-XX:TrimNativeHeapInterval=5000";
        assertThat(ServiceProcess.defaultJvmOptionsFor(Runtime.Version.parse("17.0.15"))).contains(trim)
                .isEqualTo(ServiceProcess.DEFAULT_JVM_OPTIONS);
        assertThat(ServiceProcess.defaultJvmOptionsFor(Runtime.Version.parse("25"))).contains(trim);
        assertThat(ServiceProcess.defaultJvmOptionsFor(Runtime.Version.parse("17.0.8"))).doesNotContain(trim)
                .contains("-Xmx160m");
        assertThat(ServiceProcess.defaultJvmOptionsFor(Runtime.Version.parse("21.0.5"))).doesNotContain(trim);
    }

    @Test
    void generatesASealKeyKeepsItInTheDataDirectoryForTheOwnerOnlyAndReusesItOnRestart() throws Exception {
        LocalStackSettings first = LocalStackSettings.fromEnvironment(Map.of("SHAREFLOW_DATA_DIR", dataDir.toString()));
        Path file = dataDir.resolve(LocalStackSettings.SEAL_KEY_FILE);

        assertThat(first.sealKeyFile()).isEqualTo(file);
        assertThat(first.currentSealKeyId()).isEqualTo("local");
        assertThat(Files.readString(file).strip()).isEqualTo(first.sealKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SealedFields fields = SealedFields.fromKeyList(first.sealKey());

        LocalStackSettings restarted = LocalStackSettings.fromEnvironment(Map.of("SHAREFLOW_DATA_DIR", dataDir.toString()));
        assertThat(restarted.sealKey()).isEqualTo(first.sealKey());
        String shareId = "5f0c1f4e-0000-4000-8000-000000000001";
        assertThat(SealedFields.fromKeyList(restarted.sealKey()).open(fields.seal("a link", shareId), shareId))
                .isEqualTo("a link");
    }

    @Test
    void eachProducerHasAKeyListOfItsOwnAndTheNotifierBoth() throws Exception {
        LocalStackSettings settings = LocalStackSettings.fromEnvironment(Map.of("SHAREFLOW_DATA_DIR", dataDir.toString()));
        SealedFields shareLinks = SealedFields.fromKeyList(settings.sealKey());
        SealedFields registrationLinks = SealedFields.fromKeyList(settings.registrationSealKey());
        SealedFields notifier = SealedFields.fromKeyList(settings.notifierSealKey());
        String context = "5f0c1f4e-0000-4000-8000-000000000001";
        byte[] shareLink = shareLinks.seal("a share link", context);
        byte[] registrationLink = registrationLinks.seal("a registration link", context);

        // The notifier opens both; user-provisioner cannot open a share link, nor share-api a registration link.
        assertThat(notifier.open(shareLink, context)).isEqualTo("a share link");
        assertThat(notifier.open(registrationLink, context)).isEqualTo("a registration link");
        assertThat(notifier.currentKeyId()).isEqualTo("local");
        assertThatThrownBy(() -> registrationLinks.open(shareLink, context)).isInstanceOf(SealedFieldException.class);
        assertThatThrownBy(() -> shareLinks.open(registrationLink, context)).isInstanceOf(SealedFieldException.class);
        Path file = dataDir.resolve(LocalStackSettings.REGISTRATION_SEAL_KEY_FILE);
        assertThat(Files.readString(file).strip()).isEqualTo(settings.registrationSealKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(LocalStackSettings.fromEnvironment(Map.of("SHAREFLOW_DATA_DIR", dataDir.toString()))
                .registrationSealKey()).isEqualTo(settings.registrationSealKey());
    }

    @Test
    void takesTheSealKeyFromTheEnvironmentAndWritesNoFile() {
        String keys = SealedFields.generateKeyList("k2") + "," + SealedFields.generateKeyList("k1");
        LocalStackSettings settings = LocalStackSettings.fromEnvironment(Map.of(
                "SHAREFLOW_DATA_DIR", dataDir.toString(), SealedFields.KEY_VARIABLE, keys));

        assertThat(settings.sealKey()).isEqualTo(keys);
        assertThat(settings.sealKeyFile()).isNull();
        assertThat(settings.currentSealKeyId()).isEqualTo("k2");
        assertThat(dataDir.resolve(LocalStackSettings.SEAL_KEY_FILE)).doesNotExist();
    }

    @Test
    void refusesAMalformedSealKeyWithoutShowingIt() {
        String malformed = "k1:c2hvcnQ="; // 5 bytes, not 32
        assertThatThrownBy(() -> LocalStackSettings.fromEnvironment(Map.of(
                "SHAREFLOW_DATA_DIR", dataDir.toString(), SealedFields.KEY_VARIABLE, malformed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SealedFields.KEY_VARIABLE)
                .hasMessageNotContaining("c2hvcnQ");
    }

    @Test
    void showsNeitherTheJwtSecretNorTheSealKey() {
        LocalStackSettings settings = LocalStackSettings.fromEnvironment(Map.of("SHAREFLOW_DATA_DIR", dataDir.toString(),
                "SHAREFLOW_SECURITY_JWT_HMAC_SECRET", "a-jwt-secret-of-at-least-32-bytes-long"));
        String key = settings.sealKey();

        assertThat(settings.toString()).doesNotContain("a-jwt-secret-of-at-least-32-bytes-long")
                .doesNotContain(key.substring(key.indexOf(':') + 1));
    }

    @Test
    void generatesAFreshSealKeyForTestsOnFreePorts() {
        LocalStackSettings settings = LocalStackSettings.onFreePorts(Map.of());
        try {
            assertThat(SealedFields.fromKeyList(settings.sealKey()).currentKeyId()).isEqualTo("local");
            assertThat(settings.sealKeyFile()).exists();
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(settings.dataDir().toFile());
        }
    }
}
