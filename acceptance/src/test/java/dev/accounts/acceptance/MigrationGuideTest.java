package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/MIGRATION.md tells the operator what the dry run's statuses mean and what clients will notice. */
class MigrationGuideTest {
    private static final String GUIDE = Repository.read("docs/MIGRATION.md");

    @Test
    void theDryRunsExitStatusesAreDocumented() {
        String table = section("## Exit status");
        assertTrue(table.contains("| dry run |"), table);
        for (String status : List.of("`0`", "`1`", "`2`")) {
            assertTrue(table.contains("| " + status + " |"), "status " + status + " in\n" + table);
        }
    }

    @Test
    void theGuideSaysWhatClientsSeeChange() {
        String changes = section("## What your clients see change");
        for (String change : List.of("`user_id` is an opaque string, not an integer", "no longer case-sensitive",
                "Django sessions end at cutover", "Renamed users must be told their new names")) {
            assertTrue(changes.contains(change), "'" + change + "' in\n" + changes);
        }
    }

    @Test
    void theGuideNoLongerWarnsThatAReRunRecreatesDeletedAccounts() {
        assertTrue(!GUIDE.contains("re-create any account"), "deleted accounts stay deleted now");
        assertTrue(section("## How a re-run recognises users").contains("tombstone"));
    }

    private static String section(String heading) {
        int start = GUIDE.indexOf(heading + "\n");
        assertTrue(start >= 0, "no section " + heading);
        int end = GUIDE.indexOf("\n## ", start + heading.length());
        return GUIDE.substring(start, end < 0 ? GUIDE.length() : end);
    }
}
