package io.gopm.protocol.model;

import java.util.List;
import java.util.Objects;

/**
 * The apps of an ecosystem file to start in one call, in the file's order (see {@code
 * start_apps} in docs/protocol.md): the daemon starts them one after another, stops at the first
 * that fails, and answers once every start is in {@code dump.json}.
 *
 * @param apps one start request per app, at least one
 */
public record StartAppsRequest(List<StartRequest> apps) {

  public StartAppsRequest {
    if (apps == null || apps.isEmpty()) {
      throw new IllegalArgumentException("field \"apps\": at least one app is required");
    }
    if (apps.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("field \"apps\": null is not allowed, expected start requests");
    }
    apps = List.copyOf(apps);
  }
}
