package dev.accounts.localapi;

import dev.accounts.devkit.EnvironmentValue;
import dev.accounts.devkit.FunctionSpec;
import dev.accounts.devkit.LocalMail;
import dev.accounts.devkit.SamTemplate;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * E-mail for a local run with no configuration: the template's MailFrom parameter, unless given, is a local
 * sender; the functions that send get SES_ENDPOINT, an SES of its own (or the caller's SES_ENDPOINT) on which
 * every sender the functions were given is a verified identity.
 */
final class LocalSenders {

    static final String MAIL_FROM_PARAMETER = "MailFrom";
    static final String MAIL_FROM_VARIABLE = "MAIL_FROM";
    static final String SES_ENDPOINT_VARIABLE = "SES_ENDPOINT";
    /** A reserved top-level domain (RFC 2606): nothing sent locally could ever reach anyone. */
    static final String LOCAL_SENDER = "accounts@localhost.test";

    private LocalSenders() {
    }

    /**
     * The template with {@code parameterOverrides}, and with MailFrom set to the local sender when the template
     * declares it and the overrides do not set it themselves (even to "").
     */
    static SamTemplate load(Path templateFile, Map<String, String> parameterOverrides) {
        SamTemplate template = SamTemplate.load(templateFile, parameterOverrides);
        if (!template.parameters().containsKey(MAIL_FROM_PARAMETER) || parameterOverrides.containsKey(MAIL_FROM_PARAMETER)) {
            return template;
        }
        Map<String, String> overrides = new LinkedHashMap<>(parameterOverrides);
        overrides.put(MAIL_FROM_PARAMETER, LOCAL_SENDER);
        return SamTemplate.load(templateFile, overrides);
    }

    /** Every non-empty MAIL_FROM a function of the template is given. */
    static Set<String> senders(SamTemplate template) {
        Set<String> senders = new TreeSet<>();
        for (FunctionSpec function : template.functions()) {
            if (function.environment().get(MAIL_FROM_VARIABLE) instanceof EnvironmentValue.Literal(String value)
                    && !value.isBlank()) {
                senders.add(value);
            }
        }
        return senders;
    }

    /**
     * The SES the functions send through, with the template's senders verified on it; none when no function
     * has a sender. SES_ENDPOINT in {@code processEnvironment} names a moto_server to use instead of a new one.
     */
    static Optional<LocalMail> start(SamTemplate template, Map<String, String> processEnvironment) {
        Set<String> senders = senders(template);
        if (senders.isEmpty()) {
            return Optional.empty();
        }
        String given = processEnvironment.get(SES_ENDPOINT_VARIABLE);
        LocalMail mail = given == null || given.isBlank() ? LocalMail.start() : LocalMail.at(given);
        try {
            senders.forEach(mail::verifySender);
            return Optional.of(mail);
        } catch (RuntimeException e) {
            mail.close();
            throw e;
        }
    }
}
