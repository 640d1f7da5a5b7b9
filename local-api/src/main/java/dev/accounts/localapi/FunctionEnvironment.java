package dev.accounts.localapi;

import dev.accounts.devkit.EnvironmentValue;
import dev.accounts.devkit.FunctionSpec;
import dev.accounts.devkit.LocalEngine;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function's environment for a local run: the template's variables with each resource reference turned
 * into its local counterpart (table → local table name, secret → its local ARN), plus what Lambda and the
 * local engine add (region, dummy credentials, endpoint overrides, the function's name).
 */
final class FunctionEnvironment {

    private FunctionEnvironment() {
    }

    static Map<String, String> build(FunctionSpec function, LocalStorage storage, PrintStream warnings) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            switch (value) {
                case EnvironmentValue.Literal literal -> environment.put(name, literal.value());
                case EnvironmentValue.ResourceRef ref -> environment.put(name, resolve(name, ref.logicalId(), storage));
                case EnvironmentValue.Unresolved unresolved -> warnings.printf(
                        "warning: %s: %s left unset, its value needs a deployed stack: %s%n",
                        function.logicalId(), name, unresolved.expression());
            }
        });
        LocalEngine engine = storage.engine();
        environment.put("DYNAMODB_ENDPOINT", storage.functionsDynamoEndpoint());
        environment.put("SECRETSMANAGER_ENDPOINT", engine.secretsManagerEndpoint());
        storage.mail().ifPresent(mail -> environment.put(LocalSenders.SES_ENDPOINT_VARIABLE, mail.endpoint()));
        environment.put("AWS_REGION", engine.region());
        environment.put("AWS_DEFAULT_REGION", engine.region());
        environment.put("AWS_ACCESS_KEY_ID", engine.accessKey());
        environment.put("AWS_SECRET_ACCESS_KEY", engine.secretKey());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySizeMb()));
        return environment;
    }

    private static String resolve(String variable, String logicalId, LocalStorage storage) {
        if (variable.equals(LocalStorage.SIGNING_KEY_VARIABLE) && storage.configuredSigningKeySecret().isPresent()) {
            return storage.configuredSigningKeySecret().get();
        }
        if (storage.tableNames().containsKey(logicalId)) {
            return storage.tableNames().get(logicalId);
        }
        if (storage.secretArns().containsKey(logicalId)) {
            return storage.secretArns().get(logicalId);
        }
        return logicalId; // e.g. the API itself: its name is all a local run has
    }
}
