package dev.accounts.migrate;

import dev.accounts.core.account.User;
import dev.accounts.core.account.Usernames;
import dev.accounts.core.json.Json;
import java.time.Instant;

/**
 * One well-formed row of `dumpdata auth.user`: the fields this service keeps, and the admin rights it does
 * not (flagged on the row's report line). `dateJoined` is null when the user model has no such field; `row`
 * counts from 1 in the dump's list. `emailVerified` comes from django-allauth's rows when the dump has them.
 */
record DjangoUser(int row, String pk, String username, String passwordHash, String email, String firstName,
                  String lastName, boolean active, Instant dateJoined, AdminRights rights, boolean emailVerified) {

    DjangoUser withEmailVerified() {
        return new DjangoUser(row, pk, username, passwordHash, email, firstName, lastName, active, dateJoined, rights,
                true);
    }

    String usernameKey() {
        return Usernames.key(username);
    }

    /** The account as stored: Django's hash kept as it is, to be verified and replaced at the first login. */
    User toUser(String id, Instant importedAt) {
        return new User(id, username, email, firstName, lastName, passwordHash,
                dateJoined == null ? importedAt : dateJoined, emailVerified, Instant.EPOCH);
    }

    RowOutcome imported(String reason) {
        String verified = emailVerified ? ", e-mail address verified (account.emailaddress)" : "";
        return RowOutcome.ofUser(row, pk, username, RowOutcome.Result.IMPORTED, reason + verified + rights.flag(),
                emailVerified);
    }

    RowOutcome skipped(String reason) {
        return RowOutcome.ofUser(row, pk, username, RowOutcome.Result.SKIPPED, reason + rights.flag(), false);
    }

    RowOutcome rejected(String reason) {
        return RowOutcome.rejected(row, pk, username, reason + rights.flag());
    }

    /** "row 2, pk 2, \"Bob\"": how other rows' messages point at this one. */
    String reference() {
        return "row " + row + " (pk " + pk + ", " + Json.write(username) + ")";
    }
}
