package dev.accounts.devkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size Lambda receives: the deflated zip of lib/&lt;name&gt;.jar, not the jar's own size. */
class DeploymentPackageTest {
    @TempDir
    Path directory;

    @Test
    void aStoredJarOfAlikeEntriesZipsToAFractionOfItsSize() throws IOException {
        byte[] classLike = "software/amazon/awssdk/services/dynamodb/model/AttributeValue".repeat(200)
                .getBytes(StandardCharsets.UTF_8);
        Path jar = storedJar("alike.jar", classLike, 50);
        long zipped = DeploymentPackage.zippedBytes(jar);
        assertTrue(zipped < Files.size(jar) / 10, zipped + " of " + Files.size(jar));
    }

    @Test
    void incompressibleContentZipsToAboutItsOwnSize() throws IOException {
        byte[] random = new byte[300_000];
        new Random(7).nextBytes(random);
        Path jar = storedJar("random.jar", random, 1);
        long zipped = DeploymentPackage.zippedBytes(jar);
        assertTrue(zipped >= 300_000 && zipped < Files.size(jar) + 1_000, zipped + " of " + Files.size(jar));
    }

    /** A jar whose entries are stored, as the functions' deployment jars are. */
    private Path storedJar(String name, byte[] content, int entries) throws IOException {
        Path jar = directory.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.setLevel(0);
            for (int i = 0; i < entries; i++) {
                out.putNextEntry(new ZipEntry("a/C" + i + ".class"));
                out.write(content);
                out.closeEntry();
            }
        }
        return jar;
    }
}
