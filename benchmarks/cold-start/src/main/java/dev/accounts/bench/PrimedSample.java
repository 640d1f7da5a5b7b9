package dev.accounts.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One SnapStart stand-in: init and priming (up to where the snapshot would be taken), then the first real
 * invocation and the warm ones after it, in milliseconds; how many classes the first one loaded (what
 * priming left for it; -1 when not known); and, per invocation (the first at index 0), the AWS calls the SDK
 * probe saw (empty windows without the probe).
 */
record PrimedSample(double initAndPrimingMillis, double firstInvocationMillis, List<Double> warmInvocationMillis,
                    int firstCallClasses, List<AwsCallLog.Window> awsCalls) {

    static PrimedSample of(ExecutionEnvironment.Run run) {
        List<Double> warm = new ArrayList<>();
        List<AwsCallLog.Window> aws = new ArrayList<>();
        for (int i = 0; i < run.invocationCount(); i++) {
            if (i > 0) {
                warm.add(run.invocationMillis(i));
            }
            aws.add(run.awsCallsDuring(i));
        }
        return new PrimedSample(run.initAndPrimingMillis(), run.invocationMillis(0), List.copyOf(warm),
                run.classesLoadedDuring(0), List.copyOf(aws));
    }

    /** Warm invocation `i` (0 = the first warm one) less the AWS calls made in it: the function's own time. */
    double warmOwnMillis(int i) {
        return warmInvocationMillis.get(i) - awsCalls.get(i + 1).awsMillis();
    }

    AwsCallLog.Window firstCallAws() {
        return awsCalls.getFirst();
    }

    List<AwsCallLog.Window> warmAws() {
        return awsCalls.subList(1, awsCalls.size());
    }
}
