package dev.accounts.localapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds a function's deployment jar, as `sam build` makes it: the functions/NAME/target/NAME.jar holding its handler. */
final class DeploymentJars {

    private DeploymentJars() {
    }

    static Path holding(Path projectRoot, String handlerClass) {
        String entry = handlerClass.replace('.', '/') + ".class";
        Path functions = projectRoot.resolve("functions");
        List<Path> jars;
        try (Stream<Path> modules = Files.list(functions)) {
            jars = modules.map(m -> m.resolve("target").resolve(m.getFileName() + ".jar")).filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + functions, e);
        }
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                if (file.getEntry(entry) != null) {
                    return jar;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + jar, e);
            }
        }
        throw new IllegalStateException("no deployment jar under " + functions + " holds " + handlerClass
                + "; build it first: mvn -pl local-api -am package -DskipTests");
    }
}
