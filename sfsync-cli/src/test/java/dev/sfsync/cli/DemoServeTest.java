package dev.sfsync.cli;

import dev.sfsync.server.auth.Role;
import dev.sfsync.server.auth.User;
import dev.sfsync.server.auth.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DemoServeTest {
    @TempDir
    Path project;

    @Test
    void demo_serve_prints_the_ui_url_and_a_login_that_works_then_serves_the_project_on_that_port() {
        StringWriter printed = new StringWriter();
        List<String> served = new ArrayList<>();

        int exit = DemoServe.serve(project, 18650, new PrintWriter(printed), args -> {
            served.addAll(List.of(args));
            return ExitCodes.OK;
        });

        assertThat(exit).isZero();
        assertThat(served).containsExactly("serve", "--listen", "127.0.0.1:18650", "--log-format", "text");
        assertThat(printed.toString()).contains("http://127.0.0.1:18650/ui/runs");
        Matcher login = Pattern.compile("log in as 'demo' with password (\\S+)").matcher(printed.toString());
        assertThat(login.find()).as(printed.toString()).isTrue();
        assertThat(new Users(ServerTables.open(project, new StateOption()), Clock.systemUTC()).authenticate("demo", login.group(1)))
                .contains(new User("demo", Role.ADMIN));
    }
}
