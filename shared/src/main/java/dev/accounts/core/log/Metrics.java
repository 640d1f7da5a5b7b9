package dev.accounts.core.log;

import dev.accounts.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of what the service does, in CloudWatch's embedded metric format (EMF): one JSON line on stdout per
 * event, which CloudWatch Logs turns into a metric as Lambda ships the line. No SDK, no API call and no
 * request latency beyond one println; the template's alarms and dashboard read these metrics.
 *
 * <p>Each count is published twice over, by stage alone (what the alarms watch) and by stage and function.
 * The dimension names and values are those of AWS's own metrics: {@code Stage} as API Gateway's, and
 * {@code FunctionName} as Lambda's, so one function's counts sit beside its invocations and errors.
 */
public final class Metrics {
    /** The CloudWatch namespace (template parameter MetricsNamespace). */
    public static final String NAMESPACE_VARIABLE = "METRICS_NAMESPACE";
    /** The HTTP API stage (template parameter Stage). */
    public static final String STAGE_VARIABLE = "STAGE";
    /** Set by Lambda in every execution environment. */
    public static final String FUNCTION_NAME_VARIABLE = "AWS_LAMBDA_FUNCTION_NAME";
    static final String DEFAULT_NAMESPACE = "Accounts";
    /** The dimension value where Lambda or the template gave none, as in tests and the local API. */
    static final String UNSET = "local";

    /** The events counted, each as one metric named as in CloudWatch. */
    public enum Count {
        SIGN_UPS("SignUps"),
        LOGINS("Logins"),
        /** Wrong password or unknown user. */
        LOGIN_FAILURES("LoginFailures"),
        /** A username locked (or its lock lengthened) after too many failures in a row. */
        LOCKOUTS("Lockouts"),
        REFRESHES("Refreshes"),
        /** A spent refresh token presented again: taken as stolen, its login family revoked. */
        REUSE_DETECTIONS("ReuseDetections"),
        /** Refresh tokens revoked at their holder's request: by a logout (one login) or an account deletion (all). */
        REVOCATIONS("Revocations"),
        PASSWORD_CHANGES("PasswordChanges"),
        /** logout-all: every session of one user ended. */
        SIGN_OUTS_EVERYWHERE("SignOutsEverywhere"),
        PASSWORD_RESET_EMAILS("PasswordResetEmails"),
        PASSWORD_RESETS("PasswordResets"),
        VERIFICATION_EMAILS("VerificationEmails"),
        EMAILS_VERIFIED("EmailsVerified"),
        /** An e-mail not sent because the account had its quota of that kind (one a minute, ten a day). */
        EMAILS_OVER_QUOTA("EmailsOverQuota"),
        /** An e-mail SES refused or did not take in time. */
        EMAIL_FAILURES("EmailFailures");

        private final String metricName;

        Count(String metricName) {
            this.metricName = metricName;
        }

        public String metricName() {
            return metricName;
        }
    }

    /** What the lines are labelled with. */
    public record Destination(String namespace, String stage, String functionName) {

        /** Labelled from the environment as the template and Lambda set it; unset values get defaults. */
        public static Destination of(Map<String, String> environment) {
            return new Destination(valueOr(environment, NAMESPACE_VARIABLE, DEFAULT_NAMESPACE),
                    valueOr(environment, STAGE_VARIABLE, UNSET), valueOr(environment, FUNCTION_NAME_VARIABLE, UNSET));
        }

        private static String valueOr(Map<String, String> environment, String name, String fallback) {
            String value = environment.get(name);
            // CloudWatch refuses an empty dimension value, and an empty namespace
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    private static final List<List<String>> DIMENSION_SETS = List.of(List.of("Stage"), List.of("Stage", "FunctionName"));

    // One function per execution environment in Lambda: the process environment says which.
    private static final Map<String, String> PROCESS_ENVIRONMENT = System.getenv();

    private Metrics() {}

    /** Counts one event: its line on System.out as it is at the time (the runtime replaces it). */
    public static void count(Count event) {
        System.out.println(line(event));
    }

    /** The line {@link #count} prints for {@code event} now, labelled from the process environment. */
    public static String line(Count event) {
        return line(event, Destination.of(PROCESS_ENVIRONMENT), System.currentTimeMillis());
    }

    /** The EMF document for one event: metadata under {@code _aws}, dimension values and the count at the root. */
    public static String line(Count event, Destination target, long epochMillis) {
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", target.namespace());
        directive.put("Dimensions", DIMENSION_SETS);
        directive.put("Metrics", List.of(Map.of("Name", event.metricName(), "Unit", "Count")));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("Timestamp", epochMillis);
        metadata.put("CloudWatchMetrics", List.of(directive));

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", metadata);
        line.put("Stage", target.stage());
        line.put("FunctionName", target.functionName());
        line.put(event.metricName(), 1);
        return Json.write(line);
    }
}
