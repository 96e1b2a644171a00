package io.gpusim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary folder charts are drawn into goes away however the drawing ends. */
class StagingDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void closingRemovesTheFolderAndUnregistersItsHook() throws Exception {
        StagingDirectory staging = StagingDirectory.create(dir, ".plots");
        Path path = staging.path();
        assertTrue(path.getFileName().toString().startsWith(".plots"), path.toString());
        Files.writeString(path.resolve("hist.svg"), "<svg/>");
        staging.close();
        assertFalse(Files.exists(path), "the folder and its files are removed");
        assertFalse(Runtime.getRuntime().removeShutdownHook(staging.hook()), "the hook was unregistered");
    }

    @Test
    void theShutdownHookRemovesTheFolderOfAStoppedProcess() throws Exception {
        StagingDirectory staging = StagingDirectory.create(dir, ".plots");
        Path path = staging.path();
        Files.writeString(path.resolve("hist.png"), "png");
        assertTrue(Runtime.getRuntime().removeShutdownHook(staging.hook()), "the hook is registered while it exists");
        Thread hook = staging.hook();
        hook.start(); // as the JVM starts it on Ctrl-C or kill
        hook.join();
        assertFalse(Files.exists(path), "the folder and its files are removed");
        try (var left = Files.list(dir)) {
            assertFalse(left.findAny().isPresent(), "nothing else is touched or left");
        }
    }
}
