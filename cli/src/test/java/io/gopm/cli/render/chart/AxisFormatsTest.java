package io.gopm.cli.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AxisFormatsTest {

  @Test
  void cpuHasOneDecimalBelowOneHundred() {
    assertThat(AxisFormats.cpu(12.3)).isEqualTo("12.3%");
    assertThat(AxisFormats.cpu(0)).isEqualTo("0.0%");
    assertThat(AxisFormats.cpu(99.94)).isEqualTo("99.9%");
  }

  @Test
  void cpuHasNoDecimalsFromOneHundred() {
    assertThat(AxisFormats.cpu(100)).isEqualTo("100%");
    assertThat(AxisFormats.cpu(250.4)).isEqualTo("250%");
  }

  @Test
  void memoryIsInHumanBytes() {
    assertThat(AxisFormats.memory(1_048_576)).contains("MB").isEqualTo("1.0 MB");
    assertThat(AxisFormats.memory(512)).isEqualTo("512 B");
    assertThat(AxisFormats.memory(1.5 * 1024 * 1024 * 1024)).isEqualTo("1.5 GB");
    assertThat(AxisFormats.memory(-3)).isEqualTo("0 B");
  }

  @Test
  void uptimeIsInDaysHoursOrMinutes() {
    assertThat(AxisFormats.uptime(7200)).contains("h").isEqualTo("2.0h");
    assertThat(AxisFormats.uptime(86_400)).contains("d").isEqualTo("1.0d");
    assertThat(AxisFormats.uptime(129_600)).isEqualTo("1.5d");
    assertThat(AxisFormats.uptime(600)).isEqualTo("10m");
    assertThat(AxisFormats.uptime(0)).isEqualTo("0m");
  }

  @Test
  void restartsAreWholeNumbers() {
    assertThat(AxisFormats.restarts(5)).isEqualTo("5");
    assertThat(AxisFormats.restarts(4.6)).isEqualTo("5");
    assertThat(AxisFormats.restarts(0.2)).isEqualTo("0");
  }
}
