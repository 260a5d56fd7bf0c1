package io.gopm.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class KeysTest {

  @Test
  void charactersArriveAsTyped() {
    assertThat(Keys.of(new KeyStroke('t', false, false))).isEqualTo(Key.typed('t'));
    assertThat(Keys.of(new KeyStroke('/', false, false))).isEqualTo(Key.typed('/'));
    assertThat(Keys.of(new KeyStroke('Y', false, false, true))).isEqualTo(Key.typed('Y'));
  }

  @Test
  void ctrlCQuitsAndCtrlUClearsOtherControlKeysAreIgnored() {
    assertThat(Keys.of(new KeyStroke('c', true, false))).isEqualTo(Key.of(Key.Kind.CTRL_C));
    assertThat(Keys.of(new KeyStroke('u', true, false))).isEqualTo(Key.of(Key.Kind.CLEAR_LINE));
    assertThat(Keys.of(new KeyStroke('x', true, false))).isEqualTo(Key.of(Key.Kind.OTHER));
    assertThat(Keys.of(new KeyStroke('q', false, true))).as("Alt+q is not q").isEqualTo(Key.of(Key.Kind.OTHER));
  }

  @Test
  void specialKeys() {
    assertThat(Keys.of(new KeyStroke(KeyType.ArrowUp)).kind()).isEqualTo(Key.Kind.UP);
    assertThat(Keys.of(new KeyStroke(KeyType.ArrowDown)).kind()).isEqualTo(Key.Kind.DOWN);
    assertThat(Keys.of(new KeyStroke(KeyType.PageUp)).kind()).isEqualTo(Key.Kind.PAGE_UP);
    assertThat(Keys.of(new KeyStroke(KeyType.PageDown)).kind()).isEqualTo(Key.Kind.PAGE_DOWN);
    assertThat(Keys.of(new KeyStroke(KeyType.Home)).kind()).isEqualTo(Key.Kind.HOME);
    assertThat(Keys.of(new KeyStroke(KeyType.End)).kind()).isEqualTo(Key.Kind.END);
    assertThat(Keys.of(new KeyStroke(KeyType.Enter)).kind()).isEqualTo(Key.Kind.ENTER);
    assertThat(Keys.of(new KeyStroke(KeyType.Escape)).kind()).isEqualTo(Key.Kind.ESCAPE);
    assertThat(Keys.of(new KeyStroke(KeyType.Tab)).kind()).isEqualTo(Key.Kind.TAB);
    assertThat(Keys.of(new KeyStroke(KeyType.Backspace)).kind()).isEqualTo(Key.Kind.BACKSPACE);
    assertThat(Keys.of(new KeyStroke(KeyType.EOF)).kind()).isEqualTo(Key.Kind.EOF);
    assertThat(Keys.of(new KeyStroke(KeyType.F1)).kind()).isEqualTo(Key.Kind.OTHER);
  }
}
