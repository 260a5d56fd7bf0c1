package io.gopm.protocol.model;

import java.util.List;

/**
 * The answer to {@code start_apps}: the apps started, in the order asked, and the app that failed
 * (after which none was tried), if any.
 *
 * @param started the processes started, each as {@code start} would have answered it
 * @param failed the first app that could not be started, or null when every app started
 */
public record StartAppsResult(List<ProcessInfo> started, Failure failed) {

  public StartAppsResult {
    started = started == null ? List.of() : List.copyOf(started);
  }

  /**
   * Why an app did not start: what {@code start} would have answered as its error.
   *
   * @param name the app's name as requested (null when the request named none)
   * @param kind the error's {@code kind} ({@code conflict}, {@code start_failed}...)
   * @param message the error's message, for people
   */
  public record Failure(String name, String kind, String message) {}
}
