package dev.accounts.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Lambda's /var/runtime ({@code directory}, with lib/ inside): the runtime interface client's jars (class path of every function JVM) and its JNI
 * library, extracted once as Lambda ships it, so that no start pays for unpacking it from the jar.
 */
record RuntimeClient(Path directory, List<Path> jars, Path jniLibrary) {
    static final String CLIENT_JAR_PREFIX = "aws-lambda-java-runtime-interface-client-";

    static RuntimeClient in(Path libDirectory) {
        if (!Files.isDirectory(libDirectory)) {
            throw new IllegalStateException("no runtime interface client in " + libDirectory
                    + ": build it with `mvn -o -pl benchmarks/cold-start -am package -DskipTests`");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(libDirectory)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path client = jars.stream().filter(p -> p.getFileName().toString().startsWith(CLIENT_JAR_PREFIX)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + CLIENT_JAR_PREFIX + "*.jar in " + libDirectory));
        return new RuntimeClient(libDirectory.getParent(), jars, extractJni(client, libDirectory.resolve("jni")));
    }

    String classPath() {
        return jars.stream().map(Path::toString).collect(Collectors.joining(":"));
    }

    String clientJarName() {
        return jars.stream().map(p -> p.getFileName().toString()).filter(n -> n.startsWith(CLIENT_JAR_PREFIX))
                .findFirst().orElseThrow();
    }

    /** Which of {@code classNames} none of the runtime's jars holds (priming preloads them: they must exist). */
    List<String> lacking(List<String> classNames) {
        List<String> lacking = new ArrayList<>(classNames);
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                lacking.removeIf(name -> zip.getEntry(name.replace('.', '/') + ".class") != null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + jar, e);
            }
        }
        return lacking;
    }

    private static Path extractJni(Path clientJar, Path directory) {
        String name = "jni/libaws-lambda-jni." + platform() + ".so";
        Path target = directory.resolve(Path.of(name).getFileName());
        try (ZipFile zip = new ZipFile(clientJar.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new IllegalStateException(clientJar + " has no " + name);
            }
            if (!Files.exists(target) || Files.size(target) != entry.getSize()) {
                Files.createDirectories(directory);
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + name + " from " + clientJar, e);
        }
    }

    private static String platform() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-x86_64";
            case "aarch64", "arm64" -> "linux-aarch_64";
            default -> throw new IllegalStateException("the runtime interface client has no JNI library for " + arch);
        };
    }
}
