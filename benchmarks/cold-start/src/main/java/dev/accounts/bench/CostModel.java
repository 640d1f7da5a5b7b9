package dev.accounts.bench;

/**
 * The monthly bill for a stated profile, from list prices (us-east-1, as published in 2025 and unchanged as of
 * 2026-12-01 as far as this project knows; docs/COST.md lists each with its source). Lambda's duration is
 * modelled: the time spent in AWS calls as measured (waiting does not speed up with CPU), the function's own
 * time scaled by Lambda's CPU share (one full vCPU at {@value #FULL_VCPU_MB} MB, proportionally less below;
 * one thread gains nothing above), on the assumption that one core of the benchmark host is one Graviton vCPU.
 */
final class CostModel {
    static final int FULL_VCPU_MB = 1769;
    /** Lambda arm64: per GB-second (first 7.5 billion a month) and per request. */
    static final double LAMBDA_ARM_GB_SECOND = 0.0000133334;
    static final double LAMBDA_REQUEST = 0.20 / 1_000_000;
    /** API Gateway HTTP API, first 300 million requests a month. */
    static final double HTTP_API_REQUEST = 1.00 / 1_000_000;
    /** DynamoDB on-demand (since the November 2024 price cut). */
    static final double DYNAMODB_WRITE_UNIT = 0.625 / 1_000_000;
    static final double DYNAMODB_READ_UNIT = 0.125 / 1_000_000;
    /** Cognito user pools, per monthly active user above the 10,000 free in both tiers (up to 100,000). */
    static final int COGNITO_FREE_USERS = 10_000;
    static final double COGNITO_LITE_USER = 0.0055;
    static final double COGNITO_ESSENTIALS_USER = 0.015;

    /** The profile the issue states. */
    static final int USERS = 100_000;
    static final int LOGINS_PER_USER = 30;
    static final int REFRESHES_PER_USER = 300;

    private CostModel() {
    }

    /**
     * One call's measured split: time in AWS calls, own time (both on the benchmark host), capacity units; and
     * `heldMillis`, the measured answer time of a function held to an equal-time floor (0 for the others): its
     * own time is mostly that wait, which does not stretch with a smaller CPU share.
     */
    record CallProfile(double awsMillis, double ownMillis, double readUnits, double writeUnits, double heldMillis) {
        CallProfile(double awsMillis, double ownMillis, double readUnits, double writeUnits) {
            this(awsMillis, ownMillis, readUnits, writeUnits, 0);
        }

        /** Lambda's billed duration at `memoryMb`: whole milliseconds, rounded up. */
        double billedMillis(int memoryMb) {
            return Math.ceil(heldMillis > 0 ? heldMillis : awsMillis + ownMillis * cpuSlowdown(memoryMb));
        }

        double lambdaDollars(int memoryMb) {
            return memoryMb / 1024.0 * billedMillis(memoryMb) / 1000 * LAMBDA_ARM_GB_SECOND + LAMBDA_REQUEST;
        }

        double dollars(int memoryMb) {
            return lambdaDollars(memoryMb) + HTTP_API_REQUEST + readUnits * DYNAMODB_READ_UNIT
                    + writeUnits * DYNAMODB_WRITE_UNIT;
        }
    }

    static double cpuSlowdown(int memoryMb) {
        return Math.max(1.0, FULL_VCPU_MB / (double) memoryMb);
    }

    /** The month's bill, split by what is paid for. */
    record Month(double lambda, double apiGateway, double dynamoDb) {
        double total() {
            return lambda + apiGateway + dynamoDb;
        }
    }

    static Month month(CallProfile login, int loginMemoryMb, CallProfile refresh, int refreshMemoryMb) {
        double logins = (double) USERS * LOGINS_PER_USER;
        double refreshes = (double) USERS * REFRESHES_PER_USER;
        double lambda = logins * login.lambdaDollars(loginMemoryMb) + refreshes * refresh.lambdaDollars(refreshMemoryMb);
        double api = (logins + refreshes) * HTTP_API_REQUEST;
        double dynamo = logins * (login.readUnits * DYNAMODB_READ_UNIT + login.writeUnits * DYNAMODB_WRITE_UNIT)
                + refreshes * (refresh.readUnits * DYNAMODB_READ_UNIT + refresh.writeUnits * DYNAMODB_WRITE_UNIT);
        return new Month(lambda, api, dynamo);
    }

    static double cognitoLite() {
        return Math.max(0, USERS - COGNITO_FREE_USERS) * COGNITO_LITE_USER;
    }

    static double cognitoEssentials() {
        return Math.max(0, USERS - COGNITO_FREE_USERS) * COGNITO_ESSENTIALS_USER;
    }
}
