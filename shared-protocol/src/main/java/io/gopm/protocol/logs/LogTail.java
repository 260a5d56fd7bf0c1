package io.gopm.protocol.logs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads the last lines of a log by scanning backwards from its end, continuing into the rotated
 * files ({@code .1}, {@code .2}, ...) when the current one holds fewer lines than asked. Never
 * reads a whole large file.
 */
public final class LogTail {

  /** The most text one tail returns; older lines beyond it are left out. */
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  private static final int BLOCK = 8192;

  private LogTail() {}

  /** The last {@code count} lines of {@code file} and its rotations, oldest first. */
  public static List<String> lastLines(Path file, int count, int rotatedFiles) throws IOException {
    Deque<String> lines = new ArrayDeque<>();
    long budget = MAX_BYTES;
    for (int index = 0; index <= rotatedFiles && lines.size() < count && budget > 0; index++) {
      Path candidate = index == 0 ? file : file.resolveSibling(file.getFileName() + "." + index);
      if (!Files.exists(candidate)) {
        if (index == 0) {
          continue;
        }
        break;
      }
      budget -= readBackwards(candidate, count - lines.size(), budget, lines);
    }
    return new ArrayList<>(lines);
  }

  /** Prepends up to {@code wanted} last lines of {@code file} to {@code into}; the bytes read. */
  private static long readBackwards(Path file, int wanted, long budget, Deque<String> into)
      throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long end = raf.length();
      long position = end;
      byte[] block = new byte[BLOCK];
      java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
      byte[] carry = new byte[0];
      int found = 0;
      boolean skipFinalNewline = true;
      long consumed = 0;
      while (position > 0 && found < wanted && consumed < budget) {
        int length = (int) Math.min(BLOCK, position);
        position -= length;
        raf.seek(position);
        raf.readFully(block, 0, length);
        consumed += length;
        int lineEnd = length;
        for (int i = length - 1; i >= 0 && found < wanted; i--) {
          if (block[i] != '\n') {
            continue;
          }
          if (skipFinalNewline && position + i == end - 1) {
            skipFinalNewline = false;
            lineEnd = i;
            continue;
          }
          pending.reset();
          pending.write(block, i + 1, lineEnd - i - 1);
          pending.write(carry, 0, carry.length);
          into.addFirst(pending.toString(StandardCharsets.UTF_8));
          carry = new byte[0];
          found++;
          lineEnd = i;
        }
        if (found < wanted) {
          byte[] rest = new byte[lineEnd + carry.length];
          System.arraycopy(block, 0, rest, 0, lineEnd);
          System.arraycopy(carry, 0, rest, lineEnd, carry.length);
          carry = rest;
        }
        skipFinalNewline = false;
      }
      // what is left at the start of a non-empty file is its first line, even when empty
      if (position == 0 && found < wanted && end > 0) {
        into.addFirst(new String(carry, StandardCharsets.UTF_8));
      }
      return consumed;
    }
  }
}
