package io.gopm.protocol.procfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three file-system operations the inspector performs. Tests replace it to simulate what
 * cannot be arranged with real files (a permission error when the tests run as root).
 *
 * <p>Each operation throws {@link java.nio.file.AccessDeniedException} when permission is missing.
 */
interface ProcFiles {

  /** The real file system. */
  ProcFiles SYSTEM =
      new ProcFiles() {
        @Override
        public String read(Path file) throws IOException {
          return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        }

        @Override
        public String readLink(Path link) throws IOException {
          return Files.readSymbolicLink(link).toString();
        }

        @Override
        public List<String> list(Path dir) throws IOException {
          List<String> names = new ArrayList<>();
          try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
              names.add(entry.getFileName().toString());
            }
          }
          return names;
        }
      };

  /** The whole content of a file, as UTF-8. */
  String read(Path file) throws IOException;

  /** The target of a symbolic link. */
  String readLink(Path link) throws IOException;

  /** The names in a directory, in no particular order. */
  List<String> list(Path dir) throws IOException;
}
