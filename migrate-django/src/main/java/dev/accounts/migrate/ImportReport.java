package dev.accounts.migrate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of every row, printed in the dump's order, then the totals; with django-allauth's address rows in
 * the dump, also how many of the imported users arrived verified.
 */
final class ImportReport {
    private final boolean dryRun;
    private final boolean countVerified;
    private final List<RowOutcome> outcomes = new ArrayList<>();

    ImportReport(boolean dryRun, boolean countVerified) {
        this.dryRun = dryRun;
        this.countVerified = countVerified;
    }

    void add(RowOutcome outcome) {
        outcomes.add(outcome);
    }

    List<RowOutcome> outcomes() {
        return outcomes.stream().sorted(Comparator.comparingInt(RowOutcome::row)).toList();
    }

    long count(RowOutcome.Result result) {
        return outcomes.stream().filter(o -> o.result() == result).count();
    }

    void print(PrintStream out) {
        outcomes().forEach(outcome -> out.println(outcome.line(dryRun)));
        out.println(summary());
    }

    String summary() {
        return (dryRun ? "dry run, nothing written: " : "") + count(RowOutcome.Result.IMPORTED)
                + (dryRun ? " would be imported, " : " imported, ")
                + count(RowOutcome.Result.SKIPPED) + " skipped, " + count(RowOutcome.Result.REJECTED) + " rejected"
                + (countVerified ? "; " + verified() + " of the imported with a verified e-mail address" : "");
    }

    private long verified() {
        return outcomes.stream().filter(o -> o.result() == RowOutcome.Result.IMPORTED && o.emailVerified()).count();
    }
}
