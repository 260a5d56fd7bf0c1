package io.gopm.daemon.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gopm.protocol.model.RestartPolicy;
import io.gopm.protocol.rpc.ErrorCode;
import io.gopm.protocol.rpc.RpcException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TargetResolverTest {

  private static final Instant CREATED = Instant.parse("2026-02-05T01:00:00Z");

  private static ManagedProcess process(int id, String name) {
    ProcessSpec spec =
        new ProcessSpec(
            name,
            "/usr/bin/" + name,
            List.of(),
            Path.of("/tmp"),
            Map.of(),
            "",
            RestartPolicy.DEFAULTS,
            Path.of("/tmp/" + name + "-out.log"),
            Path.of("/tmp/" + name + "-err.log"),
            1024);
    return new ManagedProcess(id, spec, CREATED);
  }

  private final ManagedProcess api = process(3, "api");
  private final ManagedProcess worker = process(0, "worker");
  private final ManagedProcess web = process(12, "web");
  private final List<ManagedProcess> processes = List.of(api, worker, web);

  @Test
  void allResolvesEveryProcessSortedById() {
    assertThat(TargetResolver.resolve("all", processes)).containsExactly(worker, api, web);
  }

  @Test
  void aNameResolvesThatProcessOnly() {
    assertThat(TargetResolver.resolve("web", processes)).containsExactly(web);
  }

  @Test
  void anIdResolvesThatProcessOnly() {
    assertThat(TargetResolver.resolve("3", processes)).containsExactly(api);
    assertThat(TargetResolver.resolve("0", processes)).containsExactly(worker);
  }

  @Test
  void anIdWithLeadingZerosIsStillThatId() {
    assertThat(TargetResolver.resolve("012", processes)).containsExactly(web);
  }

  @Test
  void namesAreMatchedExactlyAndCaseSensitively() {
    assertThatThrownBy(() -> TargetResolver.resolve("API", processes))
        .isInstanceOf(RpcException.class);
    assertThatThrownBy(() -> TargetResolver.resolve("ap", processes))
        .isInstanceOf(RpcException.class);
  }

  @Test
  void aNameThatLooksLikeAnotherProcessIdWinsOverTheId() {
    // Names cannot be all digits, but the resolver still looks at names first: a process whose
    // name is "3" (only reachable by bypassing validation) is found before the process with ID 3.
    ManagedProcess digits = process(7, "3");
    assertThat(TargetResolver.resolve("3", List.of(api, digits))).containsExactly(digits);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "99", "-1", "1.0", " 3", "3 ", "99999999999", "web2"})
  void anUnknownTargetIsNotFound(String target) {
    assertThatThrownBy(() -> TargetResolver.resolve(target, processes))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
              assertThat(e.getMessage()).isEqualTo("process \"" + target + "\" not found");
            });
  }

  @Test
  void allWithoutProcessesIsNotFound() {
    assertThatThrownBy(() -> TargetResolver.resolve("all", List.of()))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
              assertThat(e.getMessage()).isEqualTo("process \"all\" not found");
            });
  }

  @ParameterizedTest
  @NullAndEmptySource
  void aMissingTargetIsInvalidParams(String target) {
    assertThatThrownBy(() -> TargetResolver.resolve(target, processes))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMS);
              assertThat(e.getMessage()).contains("target is required");
            });
  }

  @Test
  void resolveOneReturnsNullForNoMatch() {
    assertThat(TargetResolver.resolveOne("nothing", processes)).isNull();
    assertThat(TargetResolver.resolveOne("42", processes)).isNull();
    assertThat(TargetResolver.resolveOne("web", processes)).isSameAs(web);
  }
}
