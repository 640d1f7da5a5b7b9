package dev.accounts.reliability;

import java.util.List;
import java.util.Random;

/**
 * Strings a hostile client puts in fields: odd Unicode (direction overrides, joiners, stacked marks, characters
 * that grow under NFKC, lone surrogates), lengths at and past every limit, and text shaped like keys, queries
 * and templates. Also JSON string literals for them, raw or with every non-ASCII unit escaped (the only way to
 * send a lone surrogate).
 */
final class HostileText {
    private static final List<String> SAMPLES = List.of(
            "", " ", "\t\n", "null", "true", "0", "-1", "NaN", "1e999",
            "\u202Eevil\u202C", "a\u200Db\u200Cc\u200B", "e" + "\u0301".repeat(200), "\uFDFA", "\uFDFA".repeat(20),
            "İı", "straße", "ǅǆ", "\u212A", "ａｌｉｃｅ", "\uFFFF\uFFFE", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "\uD800", "\uDC00x", "x\uD83D", "\u0000", "a\u0000b", "\u001B[31mred", "\r\nX-Injected: 1",
            "' OR '1'='1' --", "{\"$ne\": null}", "USER#admin", "NAME#alice", "JTI#", "#", "../../etc/passwd",
            "%s%n%x%p", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "<script>alert(1)</script>", "@", "a@b", ".",
            "x".repeat(150), "x".repeat(151), "é".repeat(150), "ｘ".repeat(151), "a@" + "b".repeat(250) + ".com");

    private final Random random;

    HostileText(Random random) {
        this.random = random;
    }

    String next() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> SAMPLES.get(random.nextInt(SAMPLES.size()));
            case 2 -> randomCodeUnits(random.nextInt(40));
            case 3 -> asciiPrintable(random.nextInt(3) == 0 ? 1000 + random.nextInt(9000) : random.nextInt(64));
            case 4 -> SAMPLES.get(random.nextInt(SAMPLES.size())) + asciiPrintable(random.nextInt(10));
            default -> randomCodePoints(random.nextInt(30));
        };
    }

    /** Any UTF-16 units at all, surrogates included, paired or not. */
    String randomCodeUnits(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) random.nextInt(0x10000));
        }
        return out.toString();
    }

    /** Whole code points from every plane. */
    String randomCodePoints(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
            if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }

    String asciiPrintable(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) (' ' + random.nextInt(95)));
        }
        return out.toString();
    }

    /** A JSON string literal of `text`: raw UTF-16 half the time, else every non-ASCII unit as a \\u escape. */
    String literal(String text) {
        boolean escapeAll = random.nextBoolean();
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (escapeAll && c > 0x7E) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
