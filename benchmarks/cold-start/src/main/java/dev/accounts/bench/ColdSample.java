package dev.accounts.bench;

/** One cold start: spans in milliseconds (see {@link ExecutionEnvironment.Run}). */
record ColdSample(double initMillis, double coldStartMillis, double firstInvocationMillis, double warmInvocationMillis) {

    static ColdSample of(ExecutionEnvironment.Run run) {
        return new ColdSample(run.initMillis(), run.coldStartMillis(), run.invocationMillis(0), run.invocationMillis(1));
    }
}
