package io.gpusim.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The command's standard output, remembering why a write failed: the print writers the commands write through swallow
 * such errors, and a table written to a full disk would otherwise be lost while the command reports success.
 */
final class StandardOutput extends FilterOutputStream {
    private IOException failure;

    /** The process's standard output, buffered. */
    StandardOutput() {
        this(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 13));
    }

    StandardOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw remembered(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw remembered(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw remembered(e);
        }
    }

    private IOException remembered(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /**
     * The command's exit code once its output is flushed: unchanged when everything was written, or when the reader
     * went away (a closed pipe, as {@code | head} closes it: what it read is what it wanted); otherwise the failure is
     * reported on {@code err} and a command that succeeded exits with {@link Main#EXIT_RUN_FAILED}.
     */
    int exitCode(int code, PrintWriter err) {
        try {
            flush();
        } catch (IOException e) {
            // remembered
        }
        if (failure == null || String.valueOf(failure.getMessage()).contains("Broken pipe")) {
            return code;
        }
        err.println("gpusim: standard output could not be written: " + failure.getMessage());
        err.flush();
        return code == 0 ? Main.EXIT_RUN_FAILED : code;
    }
}
