package io.gopm.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GoDurationsTest {

    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long M = 60 * S;
    private static final long H = 60 * M;

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
        "0, 0",
        "+0, 0",
        "-0, 0",
        "0s, 0",
        "5s, 5000000000",
        "300ms, 300000000",
        "100ns, 100",
        "7us, 7000",
        "7µs, 7000",
        "7μs, 7000",
        "1m, 60000000000",
        "2h, 7200000000000",
        "1h2m3s, 3723000000000",
        "2h45m, 9900000000000",
        "1.5s, 1500000000",
        "1.5h, 5400000000000",
        ".5s, 500000000",
        "1.s, 1000000000",
        "-1s, -1000000000",
        "+2s, 2000000000",
        "1s500ms, 1500000000",
        "1.000000001s, 1000000001",
        "1.0000000019s, 1000000001",
        "0.1ns, 0",
        "10ms5us, 10005000",
        "2562047h47m16.854775807s, 9223372036854775807",
    })
    void parsesGoSyntax(String text, long nanos) {
        assertThat(GoDurations.parseNanos(text)).isEqualTo(nanos);
        assertThat(GoDurations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {"", "-", "+", "1", "10", "s", "ms", ".", ".s", "-.s", "1x", "1sec",
        "1.2.3s", "1s2", "1 s", " 1s", "1s ", "1S", "1e3s", "--1s", "0x10s", "9999999999999h",
        "2562047h47m16.854775808s", "99999999999999999999ns"})
    void rejectsInvalidText(String text) {
        assertThatThrownBy(() -> GoDurations.parseNanos(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void namesTheUnknownUnit() {
        assertThatThrownBy(() -> GoDurations.parseNanos("3days"))
                .hasMessage("unknown unit \"days\" in duration \"3days\"");
        assertThatThrownBy(() -> GoDurations.parseNanos("3"))
                .hasMessage("missing unit in duration \"3\"");
        assertThatThrownBy(() -> GoDurations.parseNanos(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} ns formats as {1}")
    @CsvSource({
        "0, 0s",
        "1, 1ns",
        "999, 999ns",
        "1000, 1µs",
        "1500, 1.5µs",
        "1100000, 1.1ms",
        "300000000, 300ms",
        "999999999, 999.999999ms",
        "1000000000, 1s",
        "1500000000, 1.5s",
        "1000000001, 1.000000001s",
        "60000000000, 1m0s",
        "90000000000, 1m30s",
        "3600000000000, 1h0m0s",
        "3723000000000, 1h2m3s",
        "9900000000000, 2h45m0s",
        "-1000000000, -1s",
        "-1500, -1.5µs",
        "9223372036854775807, 2562047h47m16.854775807s",
        "-9223372036854775808, -2562047h47m16.854775808s",
    })
    void formatsLikeGo(long nanos, String text) {
        assertThat(GoDurations.format(nanos)).isEqualTo(text);
    }

    @Test
    void formatsDurationsAndRoundTrips() {
        assertThat(GoDurations.format(Duration.ofMillis(300))).isEqualTo("300ms");
        long[] samples = {1, 999, 1234, 5 * US, 42 * MS + 7, S, 61 * S, 25 * H + 3 * M + 7 * MS,
            Long.MAX_VALUE};
        for (long nanos : samples) {
            assertThat(GoDurations.parseNanos(GoDurations.format(nanos))).isEqualTo(nanos);
        }
    }
}
