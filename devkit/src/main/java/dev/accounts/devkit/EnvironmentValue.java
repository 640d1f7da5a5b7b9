package dev.accounts.devkit;

/**
 * The value a template gives an environment variable, after what can be evaluated locally has been:
 * parameters (their Default or an override), pseudo parameters, conditions, {@code !If}, {@code !Sub} and
 * {@code !Join} over those.
 */
public sealed interface EnvironmentValue {

    /** A plain value, as the function would see it. */
    record Literal(String value) implements EnvironmentValue {
    }

    /** {@code !Ref <Resource>}: the deployed name of that resource; a local runner substitutes its own. */
    record ResourceRef(String logicalId) implements EnvironmentValue {
    }

    /** An expression that needs a deployed stack (e.g. {@code !GetAtt}), kept as its JSON text. */
    record Unresolved(String expression) implements EnvironmentValue {
    }
}
