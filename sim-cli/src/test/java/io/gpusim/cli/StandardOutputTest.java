package io.gpusim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandardOutputTest {
    /** An output whose writes fail with {@code reason}, as a full disk's or a closed pipe's do. */
    private static OutputStream failing(String reason) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(reason);
            }
        };
    }

    private static String run(StandardOutput stdout, int code, int[] exit) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        out.println("requested_units  1,008,213");
        StringWriter err = new StringWriter();
        exit[0] = stdout.exitCode(code, new PrintWriter(err, true));
        return err.toString();
    }

    @Test
    void aTableLostToAFullDiskIsAFailureSaidInOneLine() {
        int[] exit = new int[1];
        String err = run(new StandardOutput(failing("No space left on device")), 0, exit);
        assertEquals(Main.EXIT_RUN_FAILED, exit[0]);
        assertEquals("gpusim: standard output could not be written: No space left on device", err.strip());

        String afterUsageError = run(new StandardOutput(failing("No space left on device")), Main.EXIT_USAGE, exit);
        assertEquals(Main.EXIT_USAGE, exit[0], "the command's own failure is kept");
        assertEquals("gpusim: standard output could not be written: No space left on device", afterUsageError.strip());
    }

    @Test
    void aReaderThatWentAwayIsNoError() {
        int[] exit = new int[1];
        assertEquals("", run(new StandardOutput(failing("Broken pipe")), 0, exit));
        assertEquals(0, exit[0]);
    }

    @Test
    void everythingWrittenLeavesTheExitCodeAsItWas() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int[] exit = new int[1];
        assertEquals("", run(new StandardOutput(bytes), 0, exit));
        assertEquals(0, exit[0]);
        assertEquals("requested_units  1,008,213\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
