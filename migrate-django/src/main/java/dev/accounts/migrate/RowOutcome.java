package dev.accounts.migrate;

import dev.accounts.core.json.Json;

/**
 * What became of one row of the dump, and why; printed one line each, never with the password hash. `subject`
 * is how the line names the row: the username (JSON-quoted) for a user row, the model for an address row.
 * `emailVerified` is true for a user imported with its address verified (from account.emailaddress).
 */
record RowOutcome(int row, String pk, String subject, Result result, String reason, boolean emailVerified) {
    enum Result { IMPORTED, SKIPPED, REJECTED }

    /** A user row; names are JSON-quoted so no row can forge a line. */
    static RowOutcome ofUser(int row, String pk, String username, Result result, String reason, boolean verified) {
        return new RowOutcome(row, pk, username == null ? "(no username)" : Json.write(username), result, reason,
                verified);
    }

    static RowOutcome rejected(int row, String pk, String username, String reason) {
        return ofUser(row, pk, username, Result.REJECTED, reason, false);
    }

    /** A django-allauth `account.emailaddress` row that could not be used. */
    static RowOutcome rejectedAddress(int row, String pk, String reason) {
        return new RowOutcome(row, pk, DjangoEmailAddress.MODEL, Result.REJECTED, reason, false);
    }

    /** `rejected  row 3, pk 3, "bob": reason`; odd pks are JSON-quoted too. */
    String line(boolean dryRun) {
        String label = result == Result.IMPORTED && dryRun ? "would import" : result.name().toLowerCase();
        return String.format("%-12s row %d, pk %s, %s: %s", label, row, pk == null ? "none" : shownKey(pk), subject,
                reason);
    }

    /** A pk as a report line shows it: plain when a number, else JSON-quoted. */
    static String shownKey(String key) {
        return key.matches("[0-9]{1,19}") ? key : Json.write(key);
    }
}
