package dev.accounts.keytool;

import dev.accounts.core.token.SigningKeySet;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * The operator's side of a key rotation: `add` a key (verifies, does not sign), `make-current <kid>`,
 * `retire <kid>`, and `show` (kids and which is current; never a private key). Each step reads the set from the
 * secret, changes it, and writes it back as a new secret version, then writes its public halves to the public
 * secret that the functions which only verify read, so that both stay in step.
 */
public final class SigningKeyTool {
    static final String USAGE = """
            usage: keytool <command> --secret <SigningKeySecretArn> --public-secret <SigningPublicKeySecretArn>
                             [--endpoint <url>]
              show                 list the key ids and the current one (--public-secret not needed)
              add                  add a new key that verifies but does not sign yet (kid: its RFC 7638 thumbprint)
              make-current <kid>   sign new tokens with <kid> (wait 5 minutes after `add` first)
              retire <kid>         remove a key (only after the refresh lifetime + 5 minutes has passed)""";

    private final SecretsManagerClient client;
    private final String secretId;
    private final String publicSecretId;
    private final PrintStream out;

    SigningKeyTool(SecretsManagerClient client, String secretId, String publicSecretId, PrintStream out) {
        this.client = client;
        this.secretId = secretId;
        this.publicSecretId = publicSecretId;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, null));
    }

    /** Exit code 0 on success, 2 on a usage error, 1 when the change was refused. */
    static int run(String[] args, PrintStream out, PrintStream err, SecretsManagerClient given) {
        List<String> words = new ArrayList<>();
        String secret = null;
        String publicSecret = null;
        String endpoint = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--secret" -> secret = i + 1 < args.length ? args[++i] : null;
                case "--public-secret" -> publicSecret = i + 1 < args.length ? args[++i] : null;
                case "--endpoint" -> endpoint = i + 1 < args.length ? args[++i] : null;
                default -> words.add(args[i]);
            }
        }
        // A change without the public secret would leave the verifying functions on the old keys.
        if (words.isEmpty() || secret == null || publicSecret == null && !words.getFirst().equals("show")) {
            err.println(USAGE);
            return 2;
        }
        SecretsManagerClient client = given != null ? given : client(endpoint);
        SigningKeyTool tool = new SigningKeyTool(client, secret, publicSecret, out);
        try {
            return tool.execute(words.get(0), words.size() > 1 ? words.get(1) : null) ? 0 : 2;
        } catch (IllegalArgumentException refused) {
            err.println("refused: " + refused.getMessage());
            return 1;
        }
    }

    private boolean execute(String command, String argument) {
        switch (command) {
            case "show" -> show(read());
            case "add" -> {
                String kid = change(SigningKeySet::withAddedKey).newestKid();
                out.println("added " + kid + "; wait 5 minutes, then: make-current " + kid);
            }
            case "make-current" -> {
                requireKid(argument);
                change(set -> {
                    if (!set.kids().contains(argument)) {
                        throw new IllegalArgumentException("no key " + argument + " in the set");
                    }
                    return set.withCurrent(argument);
                });
                out.println(argument + " now signs new tokens");
            }
            case "retire" -> {
                requireKid(argument);
                change(set -> set.without(argument));
                out.println("retired " + argument);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void requireKid(String kid) {
        if (kid == null || kid.isBlank()) {
            throw new IllegalArgumentException("name the key id");
        }
    }

    private SigningKeySet read() {
        return SigningKeySet.fromSecretJson(client.getSecretValue(r -> r.secretId(secretId)).secretString());
    }

    private SigningKeySet change(UnaryOperator<SigningKeySet> step) {
        SigningKeySet next = step.apply(read());
        client.putSecretValue(r -> r.secretId(secretId).secretString(next.toSecretJson()));
        client.putSecretValue(r -> r.secretId(publicSecretId).secretString(next.publicSet().toSecretJson()));
        show(next);
        return next;
    }

    private void show(SigningKeySet set) {
        for (String kid : set.kids()) {
            out.println((kid.equals(set.currentKid()) ? "* " : "  ") + kid);
        }
    }

    private static SecretsManagerClient client(String endpoint) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder();
        if (endpoint != null) {
            builder.endpointOverride(java.net.URI.create(endpoint));
        }
        return builder.build();
    }
}
