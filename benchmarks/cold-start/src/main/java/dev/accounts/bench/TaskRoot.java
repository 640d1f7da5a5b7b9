package dev.accounts.bench;

import dev.accounts.bench.BenchmarkOptions.PackageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function's /var/task: its deployment package as Lambda unpacks it, in a temporary directory that is the
 * JVM's working directory (the runtime client loads the function from there and from its lib/ jars).
 * {@link PackageLayout#LIB_JAR} is what `sam build` makes of this project (the Makefile puts the shaded jar in
 * lib/); {@link PackageLayout#EXPLODED} is what Lambda makes of the jar itself given as the package.
 */
final class TaskRoot implements AutoCloseable {
    private final Path directory;

    private TaskRoot(Path directory) {
        this.directory = directory;
    }

    static TaskRoot unpack(Path deploymentJar, String name, PackageLayout layout) {
        return unpack(deploymentJar, name, layout, List.of());
    }

    /** With `extraJars` beside the function's in lib/, on its class path but not in its package (the SDK probe). */
    static TaskRoot unpack(Path deploymentJar, String name, PackageLayout layout, List<Path> extraJars) {
        try {
            Path directory = Files.createTempDirectory("bench-task-" + name + "-");
            switch (layout) {
                case LIB_JAR -> {
                    Files.createDirectories(directory.resolve("lib"));
                    Files.copy(deploymentJar, directory.resolve("lib").resolve(name + ".jar"));
                }
                case EXPLODED -> extract(deploymentJar, directory);
            }
            for (Path jar : extraJars) {
                Files.createDirectories(directory.resolve("lib"));
                Files.copy(jar, directory.resolve("lib").resolve(jar.getFileName()));
            }
            return new TaskRoot(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + deploymentJar, e);
        }
    }

    Path directory() {
        return directory;
    }

    private static void extract(Path jar, Path directory) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a finished benchmark for
        }
    }
}
