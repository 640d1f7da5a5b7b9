package dev.accounts.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One SnapStart stand-in: init and priming (up to where the snapshot would be taken), then the first real
 * invocation and the warm ones after it, in milliseconds; and how many classes the first one loaded (what
 * priming left for it; -1 when not known).
 */
record PrimedSample(double initAndPrimingMillis, double firstInvocationMillis, List<Double> warmInvocationMillis,
                    int firstCallClasses) {

    static PrimedSample of(ExecutionEnvironment.Run run) {
        List<Double> warm = new ArrayList<>();
        for (int i = 1; i < run.invocationCount(); i++) {
            warm.add(run.invocationMillis(i));
        }
        return new PrimedSample(run.initAndPrimingMillis(), run.invocationMillis(0), List.copyOf(warm),
                run.classesLoadedDuring(0));
    }
}
