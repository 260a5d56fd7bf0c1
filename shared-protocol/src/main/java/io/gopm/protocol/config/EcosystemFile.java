package io.gopm.protocol.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.gopm.protocol.json.JsonCodec;
import io.gopm.protocol.model.InvalidFieldException;
import io.gopm.protocol.model.StartRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ecosystem file: {@code {"apps":[{...}, ...]}}, several processes in one JSON document. Loading
 * validates every app before anything is started, so a bad file starts nothing.
 */
public final class EcosystemFile {

  private EcosystemFile() {}

  /**
   * Reads and validates a file.
   *
   * @throws ConfigException naming the app and field at fault
   */
  public static List<StartRequest> load(Path file, JsonCodec codec) throws ConfigException {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("cannot read ecosystem file: " + file + ": no such file or directory");
    } catch (AccessDeniedException e) {
      throw new ConfigException("cannot read ecosystem file: " + file + ": permission denied");
    } catch (IOException e) {
      throw new ConfigException("cannot read ecosystem file: " + file + ": " + e.getMessage());
    }
    return parse(json, codec);
  }

  /** Parses and validates ecosystem JSON text. */
  public static List<StartRequest> parse(String json, JsonCodec codec) throws ConfigException {
    Document document;
    try {
      document = codec.read(json, Document.class);
    } catch (JsonProcessingException e) {
      throw new ConfigException("invalid ecosystem JSON: " + JsonCodec.describe(e));
    }
    if (document == null || document.apps() == null || document.apps().isEmpty()) {
      throw new ConfigException("ecosystem file has no apps");
    }
    List<StartRequest> requests = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < document.apps().size(); i++) {
      App app = document.apps().get(i);
      if (app == null || app.name() == null || app.name().isBlank()) {
        throw new ConfigException("app at index " + i + " is missing a name");
      }
      if (app.command() == null || app.command().isBlank()) {
        throw new ConfigException("app \"" + app.name() + "\" is missing a command");
      }
      if (!names.add(app.name())) {
        throw new ConfigException("duplicate app name \"" + app.name() + "\"");
      }
      StartRequest request = app.toStartRequest();
      try {
        request.validate();
      } catch (InvalidFieldException e) {
        throw new ConfigException("app \"" + app.name() + "\": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new ConfigException("app \"" + app.name() + "\": " + e.getMessage());
      }
      requests.add(request);
    }
    return requests;
  }

  /** The file as written. Unknown keys are ignored, as in GoPM. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Document(List<App> apps) {}

  /** One app; {@code env} values may be strings, numbers or booleans (as PM2 users write them). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record App(
      String name,
      String command,
      List<String> args,
      String cwd,
      String interpreter,
      Map<String, Object> env,
      String autorestart,
      Integer maxRestarts,
      String minUptime,
      String restartDelay,
      Boolean expBackoff,
      String maxDelay,
      String killTimeout,
      String logOut,
      String logErr,
      String maxLogSize) {

    StartRequest toStartRequest() throws ConfigException {
      Map<String, String> environment = new LinkedHashMap<>();
      if (env != null) {
        for (Map.Entry<String, Object> entry : env.entrySet()) {
          Object value = entry.getValue();
          if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            environment.put(entry.getKey(), value.toString());
          } else {
            throw new ConfigException(
                "app \"" + name + "\": env \"" + entry.getKey() + "\" must be a string, number or boolean");
          }
        }
      }
      return new StartRequest(
          command, name, args, cwd, environment, interpreter, autorestart, maxRestarts, minUptime,
          restartDelay, expBackoff, maxDelay, killTimeout, logOut, logErr, maxLogSize);
    }
  }
}
