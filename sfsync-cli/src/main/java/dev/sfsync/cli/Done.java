package dev.sfsync.cli;

import picocli.CommandLine.Model.CommandSpec;

/** The end of a command that did a thing or found nothing to do it to. */
final class Done {
    private Done() {
    }

    /** Prints what happened (on stdout when done, else on stderr) and returns the exit code. */
    static int tell(CommandSpec spec, boolean done, String doneText, String notFoundText) {
        var stream = done ? spec.commandLine().getOut() : spec.commandLine().getErr();
        stream.println(done ? doneText : notFoundText);
        stream.flush();
        return done ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
