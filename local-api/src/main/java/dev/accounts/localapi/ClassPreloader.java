package dev.accounts.localapi;

import dev.accounts.devkit.FunctionSpec;
import dev.accounts.devkit.SamTemplate;
import java.util.List;

/**
 * Loads and initialises the handler classes (and, through them, the AWS SDK and JSON classes) on a second
 * thread while moto_server boots: the two are the slow parts of a start, and neither needs the other.
 * Failures are ignored here; creating the handler later reports them properly.
 */
final class ClassPreloader {

    private ClassPreloader() {
    }

    static Thread start(SamTemplate template) {
        List<String> classes = template.functions().stream()
                .filter(f -> !f.routes().isEmpty())
                .map(FunctionSpec::handlerClass)
                .toList();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Thread thread = new Thread(() -> {
            for (String name : classes) {
                try {
                    Class.forName(name, true, loader);
                } catch (ReflectiveOperationException | LinkageError ignored) {
                    // LocalFunction.create says what is wrong, with the function's name
                }
            }
            try {
                software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder();
                software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder();
            } catch (LinkageError ignored) {
                // not worth a start failure: only a head start
            }
        }, "local-api-preload");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
