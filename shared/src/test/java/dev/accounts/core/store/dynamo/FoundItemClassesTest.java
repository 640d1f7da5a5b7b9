package dev.accounts.core.store.dynamo;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

/**
 * The classes priming loads by name for a found item exist in the SDK this build packs: a rename in a new SDK
 * version fails here, instead of silently leaving them to the first request after a restore.
 */
class FoundItemClassesTest {
    @Test
    void everyNameIsAClassOfThisBuild() {
        for (String name : StoreWarmups.FOUND_ITEM_CLASSES) {
            assertDoesNotThrow(() -> Class.forName(name, false, getClass().getClassLoader()), name);
        }
    }
}
