package dev.accounts.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Lines of `-Xlog:class+load=info:file=…:timenanos`, e.g. {@code [20897716574828ns] java.lang.Object source: …}. */
final class ClassLoadLog {
    private static final Pattern LINE = Pattern.compile("^\\[(\\d+)ns] \\S+ source: ");

    private ClassLoadLog() {}

    /** How many classes were loaded from `fromNanos` to `toNanos` (System.nanoTime), both included. */
    static long countBetween(Stream<String> lines, long fromNanos, long toNanos) {
        return lines.map(LINE::matcher).filter(Matcher::find).mapToLong(m -> Long.parseLong(m.group(1)))
                .filter(nanos -> nanos >= fromNanos && nanos <= toNanos).count();
    }
}
