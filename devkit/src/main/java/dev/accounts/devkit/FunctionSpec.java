package dev.accounts.devkit;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A serverless function as the template declares it, Globals.Function merged in. {@code environment} keeps
 * the template's order. Timeout and memory take SAM's defaults (3 s, 128 MB) when the template sets none.
 * {@code reservedConcurrency} is ReservedConcurrentExecutions, empty when the template reserves none.
 */
public record FunctionSpec(String logicalId, String handler, String codeUri, int timeoutSeconds, int memorySizeMb,
                           Map<String, EnvironmentValue> environment, List<HttpRoute> routes,
                           OptionalInt reservedConcurrency) {

    static final int DEFAULT_TIMEOUT_SECONDS = 3;
    static final int DEFAULT_MEMORY_SIZE_MB = 128;

    /** The handler's class name: {@code a.b.LoginHandler::handleRequest} gives {@code a.b.LoginHandler}. */
    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }
}
