package io.gopm.testapp;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A line writer on one of the process's standard file descriptors.
 *
 * <p>Lines are encoded as UTF-8 (whatever the locale), written together with their newline
 * through one buffer and flushed at once, so that each line reaches the descriptor whole and
 * promptly (tests read the logs while the process runs). The flood mode writes through the same
 * buffer under the same lock but without flushing each line, so the buffer only ever hands whole
 * lines to the descriptor; a fair lock lets other lines (e.g. the readiness line) in between
 * flood batches.
 *
 * <p>Write errors (e.g. a closed pipe) are swallowed by {@link #line(String)}: the helper keeps
 * running, as a managed process whose log reader went away should.
 */
final class Output {

    /** The process's standard output; its buffer is large because of the flood mode. */
    static final Output OUT = new Output(FileDescriptor.out, 1 << 16);

    /** The process's standard error. */
    static final Output ERR = new Output(FileDescriptor.err, 1 << 13);

    private final BufferedOutputStream stream;
    private final int bufferSize;
    private final ReentrantLock lock = new ReentrantLock(true);

    private Output(FileDescriptor fd, int bufferSize) {
        this.stream = new BufferedOutputStream(new FileOutputStream(fd), bufferSize);
        this.bufferSize = bufferSize;
    }

    /**
     * Writes one line (a newline is appended) and flushes it.
     *
     * @param text the line, without its newline
     * @return false if the write failed
     */
    boolean line(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * Writes text as it is (it should end with a newline) and flushes it.
     *
     * @param text the text, e.g. a stack trace
     * @return false if the write failed
     */
    boolean text(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8), false);
    }

    private boolean write(byte[] bytes, boolean newline) {
        lock.lock();
        try {
            stream.write(bytes);
            if (newline) {
                stream.write('\n');
            }
            stream.flush();
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes {@code line} (which must end with its newline) over and over, as fast as possible,
     * through the buffer; returns only when a write fails.
     *
     * @param line the bytes of one line, newline included
     */
    void flood(byte[] line) {
        int batch = Math.max(1, bufferSize / line.length);
        try {
            for (;;) {
                lock.lock();
                try {
                    for (int i = 0; i < batch; i++) {
                        stream.write(line);
                    }
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException e) {
            // the reader went away: stop flooding, keep running
        }
    }
}
