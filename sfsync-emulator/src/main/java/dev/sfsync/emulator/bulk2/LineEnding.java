package dev.sfsync.emulator.bulk2;

/** The line endings a job may declare; uploaded data must use the declared one. */
public enum LineEnding {
    LF("\n"), CRLF("\r\n");

    private final String text;

    LineEnding(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
