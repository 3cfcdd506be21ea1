package dev.sfsync.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTableTest {
    @Test
    void columns_are_as_wide_as_their_widest_cell_and_null_prints_empty() {
        StringWriter text = new StringWriter();
        TextTable.of("ID", "USER", "NOTE").row("a1", "ada", null).row("b22222", "bo", "long note").print(new PrintWriter(text, true));

        assertThat(text.toString().lines()).containsExactly(
                "ID      USER  NOTE",
                "a1      ada",
                "b22222  bo    long note");
    }

    @Test
    void a_row_of_the_wrong_width_is_refused() {
        assertThatThrownBy(() -> TextTable.of("A", "B").row("1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 columns");
    }
}
