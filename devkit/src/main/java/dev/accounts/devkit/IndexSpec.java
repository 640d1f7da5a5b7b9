package dev.accounts.devkit;

import java.util.List;
import java.util.Optional;

/** A global secondary index as the template declares it. */
public record IndexSpec(String name, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey,
                        String projectionType, List<String> nonKeyAttributes) {
}
