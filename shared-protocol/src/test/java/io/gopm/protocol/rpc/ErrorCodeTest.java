package io.gopm.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeTest {

  @Test
  void usesTheStandardJsonRpcCodesForProtocolErrors() {
    assertThat(ErrorCode.PARSE_ERROR.code()).isEqualTo(-32700);
    assertThat(ErrorCode.INVALID_REQUEST.code()).isEqualTo(-32600);
    assertThat(ErrorCode.METHOD_NOT_FOUND.code()).isEqualTo(-32601);
    assertThat(ErrorCode.INVALID_PARAMS.code()).isEqualTo(-32602);
    assertThat(ErrorCode.INTERNAL.code()).isEqualTo(-32603);
  }

  @Test
  void everyCodeAndKindIsUnique() {
    assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).doesNotHaveDuplicates();
    assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::kind)).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void kindIsTheLowerSnakeCaseName(ErrorCode code) {
    assertThat(code.kind()).isEqualTo(code.name().toLowerCase(java.util.Locale.ROOT));
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void findsEachCodeByItsKindOrItsNumber(ErrorCode code) {
    assertThat(ErrorCode.of(code.code(), code.kind())).isEqualTo(code);
    assertThat(ErrorCode.of(code.code(), "")).isEqualTo(code);
    assertThat(ErrorCode.of(0, code.kind())).isEqualTo(code);
  }

  @Test
  void prefersTheKindOverTheNumber() {
    assertThat(ErrorCode.of(ErrorCode.NOT_FOUND.code(), "conflict")).isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void fallsBackToInternalForAnUnknownCode() {
    assertThat(ErrorCode.of(12345, "mystery")).isEqualTo(ErrorCode.INTERNAL);
  }

  @Test
  void rpcExceptionHelpersCarryTheirCode() {
    assertThat(RpcException.notFound("api").code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(RpcException.notFound("api")).hasMessage("process \"api\" not found");
    assertThat(RpcException.invalidParams("bad").code()).isEqualTo(ErrorCode.INVALID_PARAMS);
  }
}
