package io.gopm.daemon.supervision;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The C library functions the event-driven launcher calls, bound once through JNA's direct
 * mapping (a native call costs about as much as a JNI call). Linux on x86-64 and AArch64 only:
 * the constants below are those of the Linux ABI on both, and {@link #load} refuses anything
 * else. Functions that report failure through {@code errno} throw {@link LastErrorException};
 * the {@code posix_spawn} family returns the error number instead.
 */
final class LinuxLibc {

  static final int O_RDONLY = 0;
  static final int O_CLOEXEC = 0x80000;
  static final int EPOLL_CTL_ADD = 1;
  static final int EPOLL_CTL_DEL = 2;
  static final int EPOLLIN = 0x001;
  static final int WNOHANG = 1;
  static final int SIGKILL = 9;
  static final short POSIX_SPAWN_SETSIGDEF = 0x04;
  static final short POSIX_SPAWN_SETSIGMASK = 0x08;
  static final short POSIX_SPAWN_SETSID = 0x80;
  static final long SYS_PIDFD_OPEN = 434; // the same number on every Linux architecture
  static final int EINTR = 4;
  static final int ENOEXEC = 8;
  static final int EAGAIN = 11;

  /** Bytes reserved for glibc's opaque {@code posix_spawn_file_actions_t} (80 on 64-bit). */
  static final int FILE_ACTIONS_SIZE = 256;
  /** Bytes reserved for glibc's opaque {@code posix_spawnattr_t} (336 on 64-bit). */
  static final int SPAWN_ATTR_SIZE = 512;
  /** Bytes of a {@code sigset_t} (1,024 bits). */
  static final int SIGSET_SIZE = 128;

  /** {@code struct epoll_event}: packed (12 bytes) on x86-64, 16 bytes with the data at 8 elsewhere. */
  static final int EPOLL_EVENT_SIZE;
  static final int EPOLL_DATA_OFFSET;

  static {
    boolean x86 = Platform.isIntel();
    EPOLL_EVENT_SIZE = x86 ? 12 : 16;
    EPOLL_DATA_OFFSET = x86 ? 4 : 8;
  }

  private LinuxLibc() {}

  /**
   * Binds the functions below; throws when this is not Linux on x86-64 or AArch64, or when the C
   * library lacks one of them (glibc before 2.34 has no {@code posix_spawn_file_actions_addclosefrom_np}).
   */
  static void load() {
    if (!Platform.isLinux() || !Platform.is64Bit() || !(Platform.isIntel() || Platform.isARM())) {
      throw new UnsupportedOperationException("not Linux on x86-64 or AArch64: " + Platform.RESOURCE_PREFIX);
    }
    Native.register(LinuxLibc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    // a missing symbol only fails when called: call the newest ones once
    try (Memory actions = new Memory(FILE_ACTIONS_SIZE)) {
      check(posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
      try {
        check(posix_spawn_file_actions_addclosefrom_np(actions, 3), "posix_spawn_file_actions_addclosefrom_np");
        check(posix_spawn_file_actions_addchdir_np(actions, "/"), "posix_spawn_file_actions_addchdir_np");
      } finally {
        posix_spawn_file_actions_destroy(actions);
      }
    }
  }

  /**
   * A NULL-terminated {@code char *[]} of {@code strings} (UTF-8) in one native block, pointers
   * first and the characters after them; freed by {@link Memory#close} when the call is done
   * (JNA's {@code StringArray} leaves one block per string to the garbage collector).
   */
  static Memory stringArray(List<String> strings) {
    byte[][] encoded = new byte[strings.size()][];
    long size = (strings.size() + 1L) * Native.POINTER_SIZE;
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = strings.get(i).getBytes(StandardCharsets.UTF_8);
      size += encoded[i].length + 1;
    }
    Memory block = new Memory(size);
    long text = (strings.size() + 1L) * Native.POINTER_SIZE;
    for (int i = 0; i < encoded.length; i++) {
      block.setPointer((long) i * Native.POINTER_SIZE, block.share(text));
      block.write(text, encoded[i], 0, encoded[i].length);
      block.setByte(text + encoded[i].length, (byte) 0);
      text += encoded[i].length + 1;
    }
    block.setPointer((long) encoded.length * Native.POINTER_SIZE, null);
    return block;
  }

  private static void check(int error, String function) {
    if (error != 0) {
      throw new UnsupportedOperationException(function + " failed: " + strerror(error));
    }
  }

  static native int pipe2(int[] fds, int flags) throws LastErrorException;

  static native int close(int fd);

  static native long read(int fd, Pointer buffer, long count) throws LastErrorException;

  static native int kill(int pid, int signal);

  static native int waitpid(int pid, int[] status, int options) throws LastErrorException;

  /** {@code syscall(SYS_pidfd_open, pid, 0)}: glibc's {@code syscall} passes registers as they are. */
  static native long syscall(long number, long pid, long flags) throws LastErrorException;

  static native int epoll_create1(int flags) throws LastErrorException;

  static native int epoll_ctl(int epfd, int op, int fd, Pointer event) throws LastErrorException;

  static native int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis)
      throws LastErrorException;

  static native String strerror(int error);

  static native int posix_spawn(
      int[] pid, String path, Pointer fileActions, Pointer attributes, Pointer argv, Pointer envp);

  static native int posix_spawn_file_actions_init(Pointer actions);

  static native int posix_spawn_file_actions_destroy(Pointer actions);

  static native int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);

  static native int posix_spawn_file_actions_addopen(
      Pointer actions, int fd, String path, int flags, int mode);

  static native int posix_spawn_file_actions_addchdir_np(Pointer actions, String path);

  static native int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int lowFd);

  static native int posix_spawnattr_init(Pointer attributes);

  static native int posix_spawnattr_destroy(Pointer attributes);

  static native int posix_spawnattr_setflags(Pointer attributes, short flags);

  static native int posix_spawnattr_setsigmask(Pointer attributes, Pointer mask);

  static native int posix_spawnattr_setsigdefault(Pointer attributes, Pointer signals);

  static native int sigemptyset(Pointer set);

  static native int sigfillset(Pointer set);
}
