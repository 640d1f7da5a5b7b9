package dev.accounts.bench;

/**
 * The primed goal, well posed: a function's first call after priming (or after a restore) against its warm
 * calls, each less what the primed do-nothing floor takes for the same. The floor's own first call costs
 * 1.6-4× its warm one (the runtime client's), so a plain first ÷ warm cannot hold for a 2 ms function; what
 * the function can be held to is the part above the floor.
 * <pre>ratio = (first − floor first) ÷ (warm − floor warm),  excess = first − warm (ms)</pre>
 * The denominator is held at {@value #MIN_WARM_ABOVE_FLOOR_MS} ms or more, so a function as quick as the floor
 * when warm gives a large ratio rather than a division by zero.
 */
record FloorExcess(double first, double warm, double floorFirst, double floorWarm) {
    static final double MIN_WARM_ABOVE_FLOOR_MS = 0.1;

    double ratio() {
        return (first - floorFirst) / Math.max(MIN_WARM_ABOVE_FLOOR_MS, warm - floorWarm);
    }

    double excessMillis() {
        return first - warm;
    }
}
