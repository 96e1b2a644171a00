package io.gpusim.cli;

import static io.gpusim.cli.CliTest.BASELINE;
import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a short command's start does: only the subcommand it names is built; the class-data workload runs clean. */
class StartupTest {
    @Test
    void aCommandLineBuildsOnlyTheCommandItNames() {
        assertEquals(List.of(BatchCommand.class), Main.commandsFor("batch", BASELINE));
        assertEquals(List.of(BatchCommand.class), Main.commandsFor("--verbose", "batch", BASELINE));
        assertEquals(List.of(BenchCommand.class), Main.commandsFor("bench"));
        List<Class<?>> all = Main.commandsFor("--help");
        assertTrue(all.size() > 10 && all.contains(CompletionCommand.class), all.toString());
        assertEquals(all, Main.commandsFor());
        assertEquals(all, Main.commandsFor("btach"), "an unknown name gets every command, to suggest one");
        assertEquals(all, Main.commandsFor("completion"), "the completion script covers every command");
        assertEquals(List.of(), Main.commandsFor("--version"));
        assertEquals(List.of(), Main.commandsFor("-V"));
        assertEquals(all, Main.commandsFor("-V", "btach"), "with a word too, every command, to suggest one");
        CliTest.Result version = gpusim("--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().startsWith("gpusim "), version.out());
        CliTest.Result r = gpusim("btach");
        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("batch"), "did you mean: " + r.err());
    }

    @Test
    void theScenarioReaderIsBuiltAheadOnlyForCommandsThatReadScenarios() {
        assertTrue(Main.prepareScenarioReading(List.of(BatchCommand.class)));
        assertTrue(Main.prepareScenarioReading(Main.commandsFor("validate", BASELINE)));
        assertFalse(Main.prepareScenarioReading(List.of(PlotCommand.class)));
        assertFalse(Main.prepareScenarioReading(Main.commandsFor("metrics")));
        assertFalse(Main.prepareScenarioReading(Main.commandsFor("--help")), "help builds every command");
        assertEquals(0, gpusim("validate", BASELINE).code(), "a scenario still reads after the reader was built");
    }

    @Test
    void theClassDataWorkloadRunsTheEverydayCommandsAndLeavesNothingBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countTrainingDirs(tmp);
        assertTrue(ClassDataTraining.train(BASELINE));
        assertEquals(before, countTrainingDirs(tmp), "its temporary directory is removed");
        assertFalse(ClassDataTraining.train("no-such-scenario.yaml"), "a failing command is reported");
    }

    private static long countTrainingDirs(Path tmp) throws Exception {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("gpusim-cds"))
                    .count();
        }
    }
}
