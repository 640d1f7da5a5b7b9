package dev.accounts.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import dev.accounts.devkit.DeploymentPackage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Something whose cold start is measured: one of the service's functions, or a baseline built by the
 * benchmark. {@code invocation} prepares and returns one event each time it is called.
 */
record Subject(String name, Role role, String handler, Path deploymentJar, int memoryMb,
               Map<String, String> environment, Supplier<String> invocation) {

    /**
     * PRIMED_FLOOR: the floor's package with a primed do-nothing stream handler, for the SnapStart stand-in only.
     * LEAN_FLOOR: the least a stream handler that reads DynamoDB can do, which the goals are ratios to.
     */
    enum Role { FLOOR, PRIMED_FLOOR, SDK_BASELINE, LEAN_FLOOR, FUNCTION }

    static final String HASHER_PACKAGE = "com/password4j/";
    private static final byte[] CRAC_RESOURCE = "org/crac/Resource".getBytes(StandardCharsets.UTF_8);

    Subject {
        if (!Files.isRegularFile(deploymentJar)) {
            throw new IllegalStateException("no deployment package " + deploymentJar + " for " + name
                    + ": build it first (benchmarks/run-cold-start.sh does)");
        }
    }

    long jarBytes() {
        try {
            return Files.size(deploymentJar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Lambda receives: the zip `sam deploy` makes of lib/&lt;name&gt;.jar (see {@link DeploymentPackage}). */
    long packageBytes() {
        return PACKAGE_BYTES.computeIfAbsent(deploymentJar, DeploymentPackage::zippedBytes);
    }

    private static final Map<Path, Long> PACKAGE_BYTES = new ConcurrentHashMap<>();

    /** A function that hashes passwords (login, create-account) carries the hasher in its package. */
    boolean hashesPasswords() {
        return role == Role.FUNCTION && anyEntry((zip, entry) -> entry.getName().startsWith(HASHER_PACKAGE));
    }

    /** Whether any of the project's classes in the package mentions org.crac.Resource, i.e. can be primed. */
    boolean hasPrimingHook() {
        return anyEntry((zip, entry) -> entry.getName().startsWith("dev/accounts/") && entry.getName().endsWith(".class")
                && contains(zip, entry, CRAC_RESOURCE));
    }

    private boolean anyEntry(EntryTest test) {
        try (ZipFile zip = new ZipFile(deploymentJar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                if (test.matches(zip, entries.nextElement())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + deploymentJar, e);
        }
    }

    private static boolean contains(ZipFile zip, ZipEntry entry, byte[] needle) throws IOException {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        }
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @FunctionalInterface
    private interface EntryTest {
        boolean matches(ZipFile zip, ZipEntry entry) throws IOException;
    }
}
