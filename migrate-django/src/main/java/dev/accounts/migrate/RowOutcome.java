package dev.accounts.migrate;

import dev.accounts.core.json.Json;

/** What became of one row of the dump, and why; printed one line each, never with the password hash. */
record RowOutcome(int row, String pk, String username, Result result, String reason) {
    enum Result { IMPORTED, SKIPPED, REJECTED }

    static RowOutcome rejected(int row, String pk, String username, String reason) {
        return new RowOutcome(row, pk, username, Result.REJECTED, reason);
    }

    /** `rejected  row 3, pk 3, "bob": reason`; names and odd pks are JSON-quoted so no row can forge a line. */
    String line(boolean dryRun) {
        String label = result == Result.IMPORTED && dryRun ? "would import" : result.name().toLowerCase();
        String shownPk = pk == null ? "none" : pk.matches("[0-9]{1,19}") ? pk : Json.write(pk);
        String shownName = username == null ? "(no username)" : Json.write(username);
        return String.format("%-12s row %d, pk %s, %s: %s", label, row, shownPk, shownName, reason);
    }
}
