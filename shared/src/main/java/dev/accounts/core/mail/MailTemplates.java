package dev.accounts.core.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The e-mails' words, kept as resources (mail/&lt;name&gt;.subject.txt, .txt, .html) so that an operator can
 * reword them without touching code. {{name}} is replaced by a value, HTML-escaped in the HTML body.
 */
public final class MailTemplates {
    public static final String PASSWORD_RESET = "password-reset";
    public static final String EMAIL_VERIFICATION = "email-verification";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private MailTemplates() {}

    /** The e-mail `name` to `to`, every {{placeholder}} filled from `values` (a missing one is a bug: thrown). */
    public static Email render(String name, String to, Map<String, String> values) {
        return new Email(to, fill(read(name + ".subject.txt"), values, false).strip(),
                fill(read(name + ".txt"), values, false), fill(read(name + ".html"), values, true));
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(html ? escapeHtml(value) : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String escapeHtml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String read(String resource) {
        try (InputStream in = MailTemplates.class.getResourceAsStream("/mail/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("mail template " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
