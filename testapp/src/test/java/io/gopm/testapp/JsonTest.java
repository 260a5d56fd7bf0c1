package io.gopm.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JsonTest {

    @Test
    void quotesPlainText() {
        assertThat(Json.quote("")).isEqualTo("\"\"");
        assertThat(Json.quote("hello world")).isEqualTo("\"hello world\"");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(Json.quote("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
        assertThat(Json.quote("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\"");
        assertThat(Json.quote("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
    }

    @Test
    void keepsUnicodeAndEscapesLoneSurrogates() {
        assertThat(Json.quote("é µ 😀")).isEqualTo("\"é µ 😀\"");
        assertThat(Json.quote("x\ud800y")).isEqualTo("\"x\\ud800y\"");
        assertThat(Json.quote("\udc00")).isEqualTo("\"\\udc00\"");
        assertThat(Json.quote("\ud83d")).isEqualTo("\"\\ud83d\"");
    }

    @Test
    void rendersArrays() {
        assertThat(Json.array(List.of())).isEqualTo("[]");
        assertThat(Json.array(List.of("a"))).isEqualTo("[\"a\"]");
        assertThat(Json.array(List.of("--x", "a b", "q\"")))
                .isEqualTo("[\"--x\",\"a b\",\"q\\\"\"]");
    }
}
