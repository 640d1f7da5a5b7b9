package dev.accounts.devkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The size of what Lambda receives for a function: `sam build` puts the jar at lib/&lt;name&gt;.jar of the build
 * folder, and `sam deploy` zips that folder with deflate at zlib's default level (Python's zipfile). Counted
 * by zipping the same way into a counter, not by the jar's own size.
 */
public final class DeploymentPackage {
    /** Issue 5's bound on every deployment package. */
    public static final long GOAL_BYTES = 10_000_000;

    private DeploymentPackage() {
    }

    public static long zippedBytes(Path jar) {
        CountingStream counter = new CountingStream();
        try (ZipOutputStream zip = new ZipOutputStream(counter)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            zip.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
            Files.copy(jar, zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot zip " + jar, e);
        }
        return counter.bytes;
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
