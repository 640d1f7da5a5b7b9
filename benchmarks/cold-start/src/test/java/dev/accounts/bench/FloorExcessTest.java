package dev.accounts.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FloorExcessTest {
    @Test
    void theRatioComparesWhatFirstAndWarmCallsTakeAboveThePrimedFloor() {
        // first 12, warm 4; floor first 3, warm 1: (12 − 3) ÷ (4 − 1) = 3, and 8 ms more than a warm call
        FloorExcess excess = new FloorExcess(12, 4, 3, 1);
        assertEquals(3.0, excess.ratio(), 1e-9);
        assertEquals(8.0, excess.excessMillis(), 1e-9);
    }

    @Test
    void aFunctionAsQuickAsTheFloorWhenWarmGetsALargeRatioNotADivisionByZero() {
        FloorExcess excess = new FloorExcess(5, 1, 3, 1);
        assertEquals(2 / FloorExcess.MIN_WARM_ABOVE_FLOOR_MS, excess.ratio(), 1e-9);
    }
}
