package dev.accounts.migrate;

import dev.accounts.core.account.User;
import dev.accounts.core.json.Json;
import dev.accounts.core.store.UserStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

/**
 * Writes the planned rows one by one. Each write is {@link UserStore#create}: the account and its username
 * claim in one transaction, so a row is either wholly there or not at all. A row whose account already exists
 * (same id, derived from the pk by {@link MigratedIds}) is skipped, which makes a second run a no-op; so is a
 * row whose account was deleted here since (the store keeps a tombstone of every deleted id).
 */
final class UserImporter {
    private final UserStore users;
    private final String model;
    private final boolean dryRun;
    private final Clock clock;

    UserImporter(UserStore users, String model, boolean dryRun, Clock clock) {
        this.users = users;
        this.model = model;
        this.dryRun = dryRun;
        this.clock = clock;
    }

    /** Adds an outcome for every row to `report` as it goes, so a storage failure leaves an accurate partial one. */
    void run(ImportPlan plan, ImportReport report, PrintStream progressTo) {
        plan.decided().forEach(report::add);
        ImportProgress progress = new ImportProgress(plan.toWrite().size(), clock, progressTo);
        for (DjangoUser row : plan.toWrite()) {
            report.add(importOne(row));
            progress.rowDone();
        }
    }

    private RowOutcome importOne(DjangoUser row) {
        User user = row.toUser(MigratedIds.of(model, row.pk()), clock.instant());
        Optional<RowOutcome> present = alreadyPresent(row, user.id());
        if (present.isPresent()) {
            return present.get();
        }
        if (dryRun) {
            return row.imported("dry run: nothing written");
        }
        try {
            users.create(user);
            return row.imported("id " + user.id());
        } catch (UserStore.UsernameTakenException lostRace) {
            // Taken between the check and the write: by a concurrent run of this import, or by a sign-up.
            return alreadyPresent(row, user.id()).orElse(row.rejected("username taken by another account"));
        } catch (UserStore.AccountDeletedException deletedMeanwhile) {
            // A concurrent run imported it and its owner deleted it since our check: the store keeps it gone.
            return deleted(row, user.id());
        }
    }

    private static RowOutcome deleted(DjangoUser row, String id) {
        return row.skipped("deleted here by its owner since it was imported (id " + id + "); a deleted account is "
                + "never re-created");
    }

    private Optional<RowOutcome> alreadyPresent(DjangoUser row, String id) {
        Optional<User> existing = users.findById(id);
        if (existing.isPresent()) {
            User account = existing.get();
            if (account.usernameKey().equals(row.usernameKey())) {
                return Optional.of(row.skipped("already imported (id " + id + ")"));
            }
            return Optional.of(row.rejected("pk already imported as " + Json.write(account.username())
                    + " (id " + id + "); usernames cannot be changed by a re-import"));
        }
        if (users.wasDeleted(id)) {
            return Optional.of(deleted(row, id));
        }
        if (users.usernameKeyTaken(row.usernameKey())) {
            return Optional.of(row.rejected("username taken by another account (one signed up here, "
                    + "or imported from another pk)"));
        }
        return Optional.empty();
    }
}
