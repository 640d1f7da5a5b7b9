package dev.accounts.localapi;

import dev.accounts.devkit.SamTemplate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the local API in this JVM on a free loopback port, as its own tests do. It lives in the local API's
 * package because {@link LocalApi#start} is package-private: the command line is the public way in.
 */
public final class InProcessLocalApi {
    private InProcessLocalApi() {}

    /** The project's template.yaml, every function, storage per DYNAMODB_ENDPOINT or a moto_server of its own. */
    public static LocalApi start(Map<String, String> environment, PrintStream out) {
        Path template = SamTemplate.locateFile(Path.of(System.getProperty("user.dir")));
        return LocalApi.start(new LocalApiOptions(template, "127.0.0.1", 0, Map.of()), environment, out);
    }
}
