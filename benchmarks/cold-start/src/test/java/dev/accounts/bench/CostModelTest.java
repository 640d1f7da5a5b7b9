package dev.accounts.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CostModelTest {
    @Test
    void ownTimeSlowsDownBelowOneVcpuWhileAwsCallsDoNot() {
        CostModel.CallProfile call = new CostModel.CallProfile(10, 20, 0, 0);
        assertEquals(30, call.billedMillis(CostModel.FULL_VCPU_MB));
        assertEquals(30, call.billedMillis(3008), "one thread gains nothing above one vCPU");
        // 1769 / 512 = 3.455…: 10 + 69.1 → 80 ms billed
        assertEquals(80, call.billedMillis(512));
    }

    @Test
    void aCallCostsItsGigabyteSecondsAndRequestsAndCapacity() {
        CostModel.CallProfile call = new CostModel.CallProfile(100, 0, 0.5, 8);
        double lambda = 1.0 * 0.1 * CostModel.LAMBDA_ARM_GB_SECOND + CostModel.LAMBDA_REQUEST;
        assertEquals(lambda, call.lambdaDollars(1024), 1e-15);
        assertEquals(lambda + CostModel.HTTP_API_REQUEST + 0.5 * CostModel.DYNAMODB_READ_UNIT
                + 8 * CostModel.DYNAMODB_WRITE_UNIT, call.dollars(1024), 1e-15);
    }

    @Test
    void theMonthIsThreeMillionLoginsAndThirtyMillionRefreshes() {
        CostModel.CallProfile writesOnce = new CostModel.CallProfile(0, 0, 0, 1);
        CostModel.Month month = CostModel.month(writesOnce, 1024, writesOnce, 512);
        assertEquals(33.0, month.apiGateway(), 1e-9);
        assertEquals(33 * 0.625, month.dynamoDb(), 1e-9);
        assertEquals(495.0, CostModel.cognitoLite(), 1e-9);
        assertEquals(1350.0, CostModel.cognitoEssentials(), 1e-9);
    }

    @Test
    void aCallHeldToTheEqualTimeFloorIsBilledItsMeasuredTimeNotAStretchedWait() {
        // 1,120 ms of "own time" that is a sleep: stretched by 1769 ÷ 512 it would bill 3,950 ms
        CostModel.CallProfile held = new CostModel.CallProfile(80, 1120, 1.5, 2, 1203.4);
        assertEquals(1204, held.billedMillis(512));
    }
}
