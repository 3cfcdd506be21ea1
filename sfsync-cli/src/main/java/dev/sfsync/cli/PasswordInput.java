package dev.sfsync.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A password given without putting it on the command line, where the process list and the shell's history would keep it. */
final class PasswordInput {
    private PasswordInput() {
    }

    /** The first line of standard input ("" when it is empty), as {@code docker login --password-stdin} reads it. */
    static String firstLineOfStdin() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }

    /** Asked on the terminal without echo; null when there is no terminal (the caller says what to give instead). */
    static String askOnTerminal(String prompt) {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] typed = console.readPassword("%s", prompt);
        return typed == null ? null : new String(typed);
    }
}
