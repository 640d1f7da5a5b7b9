package dev.accounts.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout these tests judge: the nearest directory above the working directory that holds template.yaml. */
final class Repository {

    static final Path ROOT = locateRoot(Path.of(System.getProperty("user.dir")));

    private Repository() {
    }

    static Path file(String relativePath) {
        return ROOT.resolve(relativePath);
    }

    static String read(String relativePath) {
        try {
            return Files.readString(file(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + relativePath + " of the repository", e);
        }
    }

    private static Path locateRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No template.yaml in " + start.toAbsolutePath() + " or any directory above it");
    }
}
