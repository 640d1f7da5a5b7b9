package dev.accounts.migrate;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** The command line: `[--dry-run] [--model app_label.model] <dump.json>`. */
record ImportOptions(Path file, boolean dryRun, String model, boolean help) {
    static final String USAGE = """
            usage: java -jar migrate-django.jar [--dry-run] [--model app_label.model] <dump.json>
              <dump.json>   the output of `python manage.py dumpdata auth.user` (without --natural-primary);
                            with django-allauth, `dumpdata auth.user account.emailaddress` carries the
                            verified flags of the users' addresses over
              --dry-run     check every row and the table, write nothing
              --model       the user model's label in the dump when it is not auth.user (AUTH_USER_MODEL)
            environment: USERS_TABLE, REVOKED_TOKENS_TABLE, DYNAMODB_ENDPOINT (optional), and the AWS region
              and credentials as the AWS CLI finds them (AWS_REGION or the profile's region; environment,
              profile, SSO); progress goes to stderr every 10 s
            exit status, the same with --dry-run (counting rows that would be imported): 0 every row imported
              or skipped, 1 some rows rejected, 2 nothing done (see message)""";
    private static final Pattern MODEL_LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*");

    static ImportOptions parse(String[] args) {
        Path file = null;
        boolean dryRun = false;
        String model = "auth.user";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--dry-run" -> dryRun = true;
                case "-h", "--help" -> {
                    return new ImportOptions(null, false, model, true);
                }
                case "--model" -> {
                    if (i + 1 == args.length || !MODEL_LABEL.matcher(args[i + 1]).matches()) {
                        throw new IllegalArgumentException("--model needs a label such as accounts.user");
                    }
                    model = args[++i].toLowerCase();
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (file != null) {
                        throw new IllegalArgumentException("one dump file only");
                    }
                    file = Path.of(arg);
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("no dump file given");
        }
        return new ImportOptions(file, dryRun, model, false);
    }
}
