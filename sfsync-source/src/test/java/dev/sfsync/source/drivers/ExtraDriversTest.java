package dev.sfsync.source.drivers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExtraDriversTest {
    @TempDir
    Path project;

    @Test
    void the_projects_drivers_directory_comes_first_then_each_directory_sfsync_drivers_names() {
        String environment = "/opt/jdbc" + File.pathSeparator + " " + File.pathSeparator + " /srv/more-drivers ";

        assertThat(ExtraDrivers.directories(project, environment))
                .containsExactly(project.resolve("drivers"), Path.of("/opt/jdbc"), Path.of("/srv/more-drivers"));
        assertThat(ExtraDrivers.directories(project, null)).containsExactly(project.resolve("drivers"));
    }

    @Test
    void directories_that_do_not_exist_or_hold_no_jar_register_nothing() throws Exception {
        Files.createDirectories(project.resolve("drivers"));
        Files.writeString(project.resolve("drivers/README.txt"), "not a jar");

        assertThat(ExtraDrivers.register(ExtraDrivers.directories(project, project.resolve("missing").toString()))).isEmpty();
    }
}
