package dev.accounts.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClassLoadLogTest {
    private static Stream<String> log() {
        return Stream.of(
                "[100ns] java.lang.Object source: shared objects file",
                "[200ns] dev.accounts.core.http.JsonBody source: file:/var/task/lib/logout.jar",
                "[250ns] software.amazon.awssdk.services.dynamodb.model.PutItemResponse$$Lambda/0x000000008d300240 source: software.amazon.awssdk.services.dynamodb.model.PutItemResponse",
                "a line of another kind",
                "[300ns] java.lang.Shutdown source: shared objects file");
    }

    @Test
    void countsTheClassesLoadedWithinTheSpanBothEndsIncluded() {
        assertEquals(2, ClassLoadLog.countBetween(log(), 200, 250));
        assertEquals(4, ClassLoadLog.countBetween(log(), 100, 300));
        assertEquals(0, ClassLoadLog.countBetween(log(), 301, 400));
    }
}
