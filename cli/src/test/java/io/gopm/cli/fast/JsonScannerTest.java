package io.gopm.cli.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.protocol.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fast path's JSON scanner, checked against what Jackson writes and reads. */
@Timeout(10)
class JsonScannerTest {

  private final JsonCodec codec = new JsonCodec();

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(JsonScanner.Span span) {
    return new String(span.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void findsEachMembersTextAsItWasWritten() {
    Map<String, JsonScanner.Span> members =
        JsonScanner.members(utf8(" {\"jsonrpc\":\"2.0\", \"id\" : 1,\"result\":[{\"a\":[1,{\"b\":\"}]\\\"\"}],\"c\":-1.5e3},[]],\"x\":null} "));

    assertThat(members).containsOnlyKeys("jsonrpc", "id", "result", "x");
    assertThat(text(members.get("result"))).isEqualTo("[{\"a\":[1,{\"b\":\"}]\\\"\"}],\"c\":-1.5e3},[]]");
    assertThat(members.get("result").isContainer()).isTrue();
    assertThat(JsonScanner.scalar(members.get("id"))).isEqualTo(1L);
    assertThat(JsonScanner.scalar(members.get("x"))).isNull();
    assertThat(JsonScanner.scalar(members.get("result"))).isSameAs(JsonScanner.NOT_SCALAR);
  }

  @Test
  void decodesStringsAsJacksonWroteThem() {
    for (String original : List.of("", "plain", "naïve \"q\" \\ / \t\n\r\b\f \u0001 \u007f", "日本 😀 end", "\u2028")) {
      byte[] json = codec.writeBytes(Map.of("s", original));

      assertThat(JsonScanner.scalar(JsonScanner.members(json).get("s"))).as(new String(json, StandardCharsets.UTF_8))
          .isEqualTo(original);
    }
    assertThat(JsonScanner.scalar(JsonScanner.members(utf8("{\"s\":\"\\ud83d\\ude00 \\u00e9\\/\"}")).get("s"))).isEqualTo("😀 é/");
  }

  @Test
  void readsScalars() {
    Map<String, JsonScanner.Span> members =
        JsonScanner.members(utf8("{\"t\":true,\"f\":false,\"n\":-42,\"big\":9007199254740993,\"d\":0.5,\"o\":{}}"));

    assertThat(JsonScanner.scalar(members.get("t"))).isEqualTo(true);
    assertThat(JsonScanner.scalar(members.get("f"))).isEqualTo(false);
    assertThat(JsonScanner.scalar(members.get("n"))).isEqualTo(-42L);
    assertThat(JsonScanner.scalar(members.get("big"))).isEqualTo(9007199254740993L);
    assertThat(JsonScanner.scalar(members.get("d"))).isSameAs(JsonScanner.NOT_SCALAR);
    assertThat(JsonScanner.scalar(members.get("o"))).isSameAs(JsonScanner.NOT_SCALAR);
    assertThat(JsonScanner.members(utf8("{}"))).isEmpty();
  }

  @Test
  void refusesMalformedText() {
    for (String bad :
        List.of("", "[]", "not json", "{\"a\":1", "{\"a\" 1}", "{\"a\":tru}", "{\"a\":\"open}", "{\"a\":1}x",
            "{\"a\":[1,}", "{a:1}", "{\"a\":\"\u0001\"}", "{\"a\":1,}")) {
      assertThatThrownBy(() -> JsonScanner.members(utf8(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
