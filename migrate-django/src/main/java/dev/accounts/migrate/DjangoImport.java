package dev.accounts.migrate;

import dev.accounts.core.account.Argon2PasswordHasher;
import dev.accounts.core.contract.StorageUnavailableException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Imports the users of a Django project (`manage.py dumpdata auth.user`) into the users table, keeping their
 * password hashes; the login verifies them in Django's format and replaces them with Argon2id. With
 * django-allauth's `account.emailaddress` rows in the dump, a user whose own address allauth saw verified
 * arrives verified. Every row is judged before the first write; each row is written whole or not at all; a
 * re-run skips what is there.
 * Step by step: docs/MIGRATION.md.
 */
public final class DjangoImport {
    static final int ALL_DONE = 0;
    static final int ROWS_REJECTED = 1;
    static final int NOTHING_DONE = 2;

    private DjangoImport() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        ImportOptions options;
        try {
            options = ImportOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(ImportOptions.USAGE);
            return NOTHING_DONE;
        }
        if (options.help()) {
            out.println(ImportOptions.USAGE);
            return ALL_DONE;
        }

        ImportPlan plan;
        try {
            plan = ImportPlan.of(DjangoDump.read(options.file(), options.model()), new Argon2PasswordHasher());
        } catch (IOException e) {
            err.println("cannot read " + options.file() + ": " + e);
            return NOTHING_DONE;
        } catch (DjangoDump.Unreadable e) {
            err.println(e.getMessage());
            return NOTHING_DONE;
        }

        try (TargetTables tables = TargetTables.fromEnvironment(env)) {
            tables.requireTables();
            String models = options.model() + (plan.hasAddresses() ? " and " + DjangoEmailAddress.MODEL : "");
            out.println((options.dryRun() ? "Checking " : "Importing ") + plan.total() + " rows of " + models
                    + " from " + options.file() + " into " + tables.describe());
            return importRows(plan, tables, options, out, err);
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return NOTHING_DONE;
        } catch (SdkException e) {
            err.println("cannot reach DynamoDB: " + e.getMessage());
            return NOTHING_DONE;
        }
    }

    private static int importRows(ImportPlan plan, TargetTables tables, ImportOptions options, PrintStream out,
                                  PrintStream err) {
        ImportReport report = new ImportReport(options.dryRun(), plan.hasAddresses());
        try {
            new UserImporter(tables.users(), options.model(), options.dryRun(), Clock.systemUTC()).run(plan, report, err);
        } catch (StorageUnavailableException | SdkException e) {
            report.print(out);
            err.println("stopped: DynamoDB failed (" + e.getMessage() + "). The rows listed above are done; no row "
                    + "is half-written. Run the same command again to continue: rows already imported are skipped.");
            return NOTHING_DONE;
        }
        report.print(out);
        return report.count(RowOutcome.Result.REJECTED) > 0 ? ROWS_REJECTED : ALL_DONE;
    }
}
