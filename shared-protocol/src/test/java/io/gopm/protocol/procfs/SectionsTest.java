package io.gopm.protocol.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SectionsTest {

  @Test
  void noSectionFlagMeansTheFullReport() {
    assertThat(Sections.of(false, false, false, false)).isEqualTo(Sections.FULL);
    assertThat(Sections.FULL.full()).isTrue();
  }

  @Test
  void sectionFlagsCombine() {
    Sections fdsAndNet = Sections.of(false, true, false, true);

    assertThat(fdsAndNet.full()).isFalse();
    assertThat(fdsAndNet.fds()).isTrue();
    assertThat(fdsAndNet.sockets()).isTrue();
    assertThat(fdsAndNet.tree()).isFalse();
  }

  @Test
  void descriptorsAreListedUpToTenThousandOnlyWhenAskedFor() {
    assertThat(Sections.FULL.fdLimit()).isEqualTo(200);
    assertThat(Sections.of(false, false, false, true).fdLimit()).isEqualTo(200);
    assertThat(Sections.of(false, true, false, false).fdLimit()).isEqualTo(10_000);
  }

  @Test
  void socketsNeedTheDescriptorsButTheTreeDoesNot() {
    assertThat(Sections.of(false, false, false, true).readsFds()).isTrue();
    assertThat(Sections.of(true, false, true, false).readsFds()).isFalse();
  }

  @Test
  void aFullReportWithoutEverySectionIsRefused() {
    assertThatThrownBy(() -> new Sections(true, true, false, true, true)).hasMessageContaining("every section");
  }
}
