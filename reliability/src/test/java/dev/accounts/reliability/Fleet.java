package dev.accounts.reliability;

import dev.accounts.core.testing.TestStack;
import dev.accounts.core.wiring.EnvironmentWiring;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Several execution environments of the same functions on one stack, each with its own SDK clients, as Lambda
 * runs concurrent requests: in separate environments that share nothing but the tables. They reach the engine
 * through a {@link DynamoRelay} that keeps each request atomic, as DynamoDB does and moto does not.
 */
final class Fleet implements AutoCloseable {
    private final List<Handlers> environments = new ArrayList<>();
    private final List<EnvironmentWiring> wirings = new ArrayList<>();
    private final DynamoRelay relay;

    Fleet(TestStack stack, int size) {
        relay = DynamoRelay.oneRequestAtATime(stack.engine().endpoint());
        TestStack throughRelay = stack.with("DYNAMODB_ENDPOINT", relay.endpoint());
        for (int i = 0; i < size; i++) {
            EnvironmentWiring wiring = throughRelay.services(Clock.systemUTC());
            wirings.add(wiring);
            environments.add(new Handlers(wiring));
        }
    }

    /** The environment that serves request number `request`. */
    Handlers serving(int request) {
        return environments.get(request % environments.size());
    }

    /** The wiring of that environment: for use-cases whose function this module does not hold. */
    EnvironmentWiring wiring(int request) {
        return wirings.get(request % wirings.size());
    }

    @Override
    public void close() {
        relay.close();
    }
}
