package dev.sfsync.engine.project;

import dev.sfsync.engine.config.SecretRef;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretValuesTest {
    @TempDir
    Path dir;

    @Test
    void a_file_secret_is_read_inside_the_project_and_refused_outside_it() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("client.secret"), "s3cret\n");
        Files.writeString(dir.resolve("outside.secret"), "not yours");
        Files.createSymbolicLink(project.resolve("link.secret"), dir.resolve("outside.secret"));

        assertThat(SecretValues.resolve(ref("client.secret"), project)).isEqualTo("s3cret");
        for (String escape : new String[] {"../outside.secret", dir.resolve("outside.secret").toString(), "link.secret"}) {
            assertThatThrownBy(() -> SecretValues.resolve(ref(escape), project)).as(escape)
                    .hasMessageContaining("outside the project directory").hasMessageContaining(SecretValues.FILES_ANYWHERE)
                    .hasMessageNotContaining("not yours");
        }
    }

    private static SecretRef ref(String file) {
        return SecretRef.parse("${file:" + file + "}").orElseThrow();
    }
}
