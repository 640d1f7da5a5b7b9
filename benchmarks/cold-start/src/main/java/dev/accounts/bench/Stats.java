package dev.accounts.bench;

import java.util.List;

/** Median and range of a few samples: with five runs, the median is what resists a noisy neighbour. */
record Stats(double median, double min, double max, int count) {

    static Stats of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = samples.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(median, sorted.getFirst(), sorted.getLast(), n);
    }

    /** Nearest rank: the smallest sample with at least `percent` % of them at or below it. */
    static double percentile(List<Double> samples, double percent) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
