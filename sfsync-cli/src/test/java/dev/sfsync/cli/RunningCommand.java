package dev.sfsync.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A command that keeps running (the emulator; connect waiting for the browser), its output read while it runs. */
final class RunningCommand implements AutoCloseable {
    /** A guard against a hung command, not a measure of speed. */
    private static final long PATIENCE_MILLIS = 30_000;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile Integer exitCode;

    private RunningCommand(String... args) {
        CommandLine commandLine = SfsyncCommand.commandLine(ProjectCommandsTest.NO_WAIT);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        thread = new Thread(() -> exitCode = commandLine.execute(args), "sfsync " + String.join(" ", args));
    }

    static RunningCommand start(String... args) {
        RunningCommand command = new RunningCommand(args);
        command.thread.start();
        return command;
    }

    /** The first match of {@code pattern} in the output, once the command has printed it. */
    Matcher awaitOutput(String pattern) throws InterruptedException {
        Pattern compiled = Pattern.compile(pattern);
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Matcher matcher = compiled.matcher(out.toString());
            if (matcher.find()) {
                return matcher;
            }
            if (!thread.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no output matching " + pattern + "; out: " + out + " err: " + err);
    }

    /** Waits for the command to end by itself. */
    ProjectCommandsTest.Result finish() throws InterruptedException {
        thread.join(PATIENCE_MILLIS);
        if (thread.isAlive()) {
            throw new AssertionError("the command is still running; out: " + out + " err: " + err);
        }
        return new ProjectCommandsTest.Result(exitCode, out.toString(), err.toString());
    }

    /** Stops the command as an embedding caller would: by interrupting its thread. */
    ProjectCommandsTest.Result stop() throws InterruptedException {
        thread.interrupt();
        return finish();
    }

    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            stop();
        }
    }
}
