package dev.sfsync.emulator.bulk2;

/** The column delimiters a job may declare, by their wire names. */
public enum ColumnDelimiter {
    BACKQUOTE('`'), CARET('^'), COMMA(','), PIPE('|'), SEMICOLON(';'), TAB('\t');

    private final char character;

    ColumnDelimiter(char character) {
        this.character = character;
    }

    public char character() {
        return character;
    }
}
