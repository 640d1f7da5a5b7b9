package dev.accounts.migrate;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The account id of an imported user, derived from the Django model and pk alone, so that a second run finds
 * the accounts of the first (idempotence) and other services can map their old user ids to the new ones:
 * Python's `uuid.UUID(bytes=hashlib.md5(b"django:auth.user:42").digest(), version=3)` gives the same id.
 * The username is not part of it: a user renamed in Django between two runs is still the same account.
 */
final class MigratedIds {
    private MigratedIds() {}

    static String of(String model, String pk) {
        return UUID.nameUUIDFromBytes(("django:" + model + ":" + pk).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
