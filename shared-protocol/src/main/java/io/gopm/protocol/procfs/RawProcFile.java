package io.gopm.protocol.procfs;

/**
 * One file of {@code gopm pid --raw}.
 *
 * @param name the file name under {@code /proc/<pid>/} ({@code status})
 * @param content the whole content, or null when it is empty or could not be read
 */
public record RawProcFile(String name, String content) {

  public RawProcFile {
    content = content == null || content.isEmpty() ? null : content;
  }
}
