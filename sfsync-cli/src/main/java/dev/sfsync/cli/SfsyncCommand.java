package dev.sfsync.cli;

/** Placeholder until the CLI lands. */
public final class SfsyncCommand {
    public static void main(String[] args) {
    }
}
