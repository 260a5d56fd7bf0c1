package io.gopm.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OptionsTest {

    private static Options parse(String... args) {
        return Options.parse(args);
    }

    @Test
    void defaults() {
        Options o = parse();
        assertThat(o.exitAfter()).isZero();
        assertThat(o.crashAfter()).isZero();
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.crashRandom()).isZero();
        assertThat(o.runForever()).isFalse();
        assertThat(o.runsForever()).isTrue();
        assertThat(o.panicAfter()).isZero();
        assertThat(o.stdoutEvery()).isZero();
        assertThat(o.stderrEvery()).isZero();
        assertThat(o.stdoutMsg()).isEqualTo("stdout heartbeat");
        assertThat(o.stderrMsg()).isEqualTo("stderr heartbeat");
        assertThat(o.stdoutFlood()).isFalse();
        assertThat(o.stdoutSize()).isEqualTo(80);
        assertThat(o.allocMb()).isZero();
        assertThat(o.cpuBurn()).isZero();
        assertThat(o.trapSigterm()).isFalse();
        assertThat(o.slowShutdown()).isZero();
        assertThat(o.startDelay()).isZero();
        assertThat(o.printPid()).isFalse();
        assertThat(o.printEnv()).isEmpty();
        assertThat(o.printArgs()).isFalse();
        assertThat(o.printCwd()).isFalse();
        assertThat(o.listen()).isNull();
        assertThat(o.openFile()).isNull();
        assertThat(o.help()).isFalse();
        assertThat(o.argv()).isEmpty();
        assertThat(o.arguments()).isEmpty();
    }

    @Test
    void durationFlags() {
        Options o = parse("--exit-after", "1s", "--crash-after", "2s", "--crash-random", "3s",
                "--panic-after", "4s", "--stdout-every", "5ms", "--stderr-every", "6ms",
                "--slow-shutdown", "300ms", "--start-delay", "1m30s");
        assertThat(o.exitAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.crashAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.crashRandom()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.panicAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(o.stdoutEvery()).isEqualTo(Duration.ofMillis(5));
        assertThat(o.stderrEvery()).isEqualTo(Duration.ofMillis(6));
        assertThat(o.slowShutdown()).isEqualTo(Duration.ofMillis(300));
        assertThat(o.startDelay()).isEqualTo(Duration.ofSeconds(90));
    }

    @ParameterizedTest(name = "{0} {1} disables run-forever by default: {2}")
    @CsvSource({
        "--exit-after, 1s, false",
        "--crash-after, 1s, false",
        "--crash-random, 1s, false",
        "--panic-after, 1s, false",
        "--exit-after, 0, true",
        "--stdout-every, 1s, true",
    })
    void runsForeverUnlessATimerIsSet(String flag, String value, boolean forever) {
        assertThat(parse(flag, value).runsForever()).isEqualTo(forever);
        assertThat(parse(flag, value, "--run-forever").runsForever()).isTrue();
    }

    @Test
    void integerAndTextFlags() {
        Options o = parse("--exit-code", "3", "--stdout-msg", "hello out", "--stderr-msg", "",
                "--stdout-size", "1", "--alloc-mb", "64", "--cpu-burn", "2");
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(o.stdoutMsg()).isEqualTo("hello out");
        assertThat(o.stderrMsg()).isEmpty();
        assertThat(o.stdoutSize()).isEqualTo(1);
        assertThat(o.allocMb()).isEqualTo(64);
        assertThat(o.cpuBurn()).isEqualTo(2);
    }

    @Test
    void aValueMayStartWithADashLikeInGo() {
        assertThat(parse("--stdout-msg", "-x", "--print-pid").stdoutMsg()).isEqualTo("-x");
    }

    @Test
    void booleanFlags() {
        Options o = parse("--run-forever", "--stdout-flood", "--trap-sigterm", "--print-pid",
                "--print-args", "--print-cwd");
        assertThat(o.runForever()).isTrue();
        assertThat(o.stdoutFlood()).isTrue();
        assertThat(o.trapSigterm()).isTrue();
        assertThat(o.printPid()).isTrue();
        assertThat(o.printArgs()).isTrue();
        assertThat(o.printCwd()).isTrue();
        assertThat(parse("--help").help()).isTrue();
        assertThat(parse("-h").help()).isTrue();
    }

    @ParameterizedTest(name = "--trap-sigterm={0} is {1}")
    @CsvSource({"true, true", "1, true", "t, true", "T, true", "TRUE, true", "True, true",
        "false, false", "0, false", "f, false", "F, false", "FALSE, false", "False, false"})
    void booleanValuesLikeGo(String value, boolean expected) {
        assertThat(parse("--trap-sigterm=" + value).trapSigterm()).isEqualTo(expected);
    }

    @Test
    void singleDashAndInlineValues() {
        Options o = parse("-exit-after=2s", "--crash-after=1s", "-exit-code", "4", "-print-pid",
                "--stdout-msg=a=b");
        assertThat(o.exitAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.crashAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.exitCode()).isEqualTo(4);
        assertThat(o.printPid()).isTrue();
        assertThat(o.stdoutMsg()).isEqualTo("a=b");
    }

    @Test
    void lastValueWinsButPrintEnvAccumulates() {
        Options o = parse("--exit-code", "3", "--exit-code", "5", "--print-env", "HOME",
                "--print-env=PATH", "--print-env", "HOME");
        assertThat(o.exitCode()).isEqualTo(5);
        assertThat(o.printEnv()).containsExactly("HOME", "PATH", "HOME");
    }

    @Test
    void listenAddresses() {
        assertThat(parse("--listen", "8080").listen())
                .isEqualTo(new Options.Listen("127.0.0.1", 8080));
        assertThat(parse("--listen", "0").listen().port()).isZero();
        assertThat(parse("--listen", "localhost:9000").listen())
                .isEqualTo(new Options.Listen("localhost", 9000));
        assertThat(parse("--listen=0.0.0.0:1").listen())
                .isEqualTo(new Options.Listen("0.0.0.0", 1));
        Options.Listen v6 = parse("--listen", "[::1]:65535").listen();
        assertThat(v6).isEqualTo(new Options.Listen("::1", 65535));
        assertThat(v6.displayHost()).isEqualTo("[::1]");
        Options.Listen any = parse("--listen", ":7000").listen();
        assertThat(any).isEqualTo(new Options.Listen("", 7000));
        assertThat(any.displayHost()).isEqualTo("0.0.0.0");
    }

    @Test
    void openFile() {
        assertThat(parse("--open-file", "/tmp/x.log").openFile()).isEqualTo(Path.of("/tmp/x.log"));
    }

    @Test
    void stopsAtDoubleDashOrTheFirstNonFlag() {
        Options o = parse("--print-args", "--", "--exit-after", "x");
        assertThat(o.arguments()).containsExactly("--exit-after", "x");
        assertThat(o.exitAfter()).isZero();
        assertThat(o.argv()).containsExactly("--print-args", "--", "--exit-after", "x");

        Options p = parse("--print-pid", "hello", "--bogus");
        assertThat(p.printPid()).isTrue();
        assertThat(p.arguments()).containsExactly("hello", "--bogus");

        assertThat(parse("-", "x").arguments()).containsExactly("-", "x");
        assertThat(parse("--trap-sigterm", "false").arguments()).containsExactly("false");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--bogus|unknown flag: --bogus",
        "-x|unknown flag: -x",
        "---exit-after|bad flag syntax: ---exit-after",
        "--=1|bad flag syntax: --=1",
        "--exit-after|flag needs an argument: --exit-after",
        "--listen|flag needs an argument: --listen",
        "--exit-after=1x|invalid value \"1x\" for flag --exit-after: unknown unit \"x\" in duration \"1x\"",
        "--crash-after=abc|invalid value \"abc\" for flag --crash-after: invalid duration \"abc\"",
        "--crash-random=5|invalid value \"5\" for flag --crash-random: missing unit in duration \"5\"",
        "--panic-after=-1s|invalid value \"-1s\" for flag --panic-after: negative duration",
        "--stdout-every=|invalid value \"\" for flag --stdout-every: invalid duration \"\"",
        "--stderr-every=1q|invalid value \"1q\" for flag --stderr-every",
        "--slow-shutdown=x|invalid value \"x\" for flag --slow-shutdown",
        "--start-delay=1|invalid value \"1\" for flag --start-delay",
        "--exit-code=256|invalid value \"256\" for flag --exit-code: out of range 0..255",
        "--exit-code=-1|invalid value \"-1\" for flag --exit-code: out of range 0..255",
        "--exit-code=one|invalid value \"one\" for flag --exit-code: not an integer",
        "--stdout-size=0|invalid value \"0\" for flag --stdout-size: out of range",
        "--stdout-size=99999999|invalid value \"99999999\" for flag --stdout-size: out of range",
        "--alloc-mb=-5|invalid value \"-5\" for flag --alloc-mb: out of range",
        "--alloc-mb=1.5|invalid value \"1.5\" for flag --alloc-mb: not an integer",
        "--cpu-burn=99999|invalid value \"99999\" for flag --cpu-burn: out of range",
        "--trap-sigterm=yes|invalid value \"yes\" for flag --trap-sigterm: not a boolean",
        "--run-forever=|invalid value \"\" for flag --run-forever: not a boolean",
        "--print-env=|invalid value \"\" for flag --print-env",
        "--print-env=A=B|invalid value \"A=B\" for flag --print-env",
        "--listen=http|invalid value \"http\" for flag --listen: invalid port \"http\"",
        "--listen=65536|invalid value \"65536\" for flag --listen: port out of range",
        "--listen=-1|invalid value \"-1\" for flag --listen: port out of range",
        "--listen=::1:80|invalid value \"::1:80\" for flag --listen: IPv6 hosts need brackets",
        "--listen=host:|invalid value \"host:\" for flag --listen: invalid port \"\"",
        "--open-file=|invalid value \"\" for flag --open-file: empty path",
    })
    void rejectsBadFlagsNamingTheFlag(String arg, String message) {
        assertThatThrownBy(() -> parse(arg))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--exit-after", "--crash-after", "--exit-code", "--crash-random",
        "--panic-after", "--stdout-every", "--stderr-every", "--stdout-msg", "--stderr-msg",
        "--stdout-size", "--alloc-mb", "--cpu-burn", "--slow-shutdown", "--start-delay",
        "--print-env", "--listen", "--open-file"})
    void everyValueFlagNeedsAValue(String flag) {
        assertThatThrownBy(() -> parse(flag))
                .hasMessage("flag needs an argument: " + flag);
    }

    @Test
    void listsAreImmutable() {
        Options o = parse("--print-env", "A");
        assertThat(o.printEnv()).isUnmodifiable();
        assertThat(o.argv()).isUnmodifiable();
        assertThat(o.arguments()).isEqualTo(List.of());
    }
}
