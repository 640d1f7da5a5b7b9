package dev.accounts.migrate;

import dev.accounts.core.account.Argon2PasswordHasher;
import dev.accounts.core.account.DjangoPbkdf2Hashes;
import dev.accounts.core.account.Usernames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every row judged before anything is written: the rows to write, and the outcome of each row that will not
 * be (malformed, a name or hash the service cannot take, inactive, or one of a duplicate pair). `hasAddresses`:
 * the dump held django-allauth's address rows, so the report says how many users arrive verified.
 */
record ImportPlan(List<DjangoUser> toWrite, List<RowOutcome> decided, int total, boolean hasAddresses) {
    private static final Pattern ALGORITHM_NAME = Pattern.compile("[a-z0-9_]{1,30}");

    static ImportPlan of(DjangoDump.Rows rows, Argon2PasswordHasher hasher) {
        VerifiedAddresses addresses = new VerifiedAddresses(rows.addresses());
        List<RowOutcome> decided = new ArrayList<>(rows.rejected());
        decided.addAll(addresses.pointingNowhere(rows.userPks()));
        List<DjangoUser> importable = new ArrayList<>();
        for (DjangoUser read : rows.users()) {
            DjangoUser user = addresses.apply(read);
            String problem = problem(user, hasher);
            if (problem != null) {
                decided.add(user.rejected(problem));
            } else if (!user.active()) {
                decided.add(user.skipped("inactive in Django (is_active false); this service has no disabled "
                        + "accounts, so importing it would let the user log in again"));
            } else {
                importable.add(user);
            }
        }
        List<DjangoUser> toWrite = new ArrayList<>();
        Map<String, List<DjangoUser>> byName = groupBy(importable, DjangoUser::usernameKey);
        Map<String, List<DjangoUser>> byPk = groupBy(importable, DjangoUser::pk);
        for (DjangoUser user : importable) {
            List<DjangoUser> sameName = others(byName.get(user.usernameKey()), user);
            List<DjangoUser> samePk = others(byPk.get(user.pk()), user);
            if (!sameName.isEmpty()) {
                // Django told these names apart; here they are one. Which person keeps it is not ours to guess.
                decided.add(user.rejected("duplicate username: the same name after case folding and Unicode "
                        + "normalisation as " + references(sameName) + "; rename all but one in Django and re-run"));
            } else if (!samePk.isEmpty()) {
                decided.add(user.rejected("duplicate pk: also on " + references(samePk)));
            } else {
                toWrite.add(user);
            }
        }
        return new ImportPlan(toWrite, decided, rows.total(), addresses.any());
    }

    /** Why the service could not take this user, or null. */
    private static String problem(DjangoUser user, Argon2PasswordHasher hasher) {
        String nameProblem = Usernames.problem(user.username());
        if (nameProblem != null) {
            return "username: " + nameProblem;
        }
        String hash = user.passwordHash();
        if (hash.startsWith("!")) {
            return "unusable password (Django's set_unusable_password): the account has no password to log in with";
        }
        if (hash.isEmpty()) {
            return "empty password field";
        }
        if (hasher.canVerify(hash)) {
            return null;
        }
        String algorithm = hash.contains("$") ? hash.substring(0, hash.indexOf('$')) : "";
        if (DjangoPbkdf2Hashes.isPbkdf2Sha256(hash)) {
            return "malformed pbkdf2_sha256 password hash";
        }
        if (algorithm.equals("argon2")) {
            return "argon2 password hash that cannot be checked (malformed, or an old form without \"v=\")";
        }
        return "unsupported password hash" + (ALGORITHM_NAME.matcher(algorithm).matches() ? " \"" + algorithm + "\"" : "")
                + " (only pbkdf2_sha256 and argon2 import; see docs/MIGRATION.md)";
    }

    private static <K> Map<K, List<DjangoUser>> groupBy(List<DjangoUser> users, Function<DjangoUser, K> key) {
        return users.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    private static List<DjangoUser> others(List<DjangoUser> group, DjangoUser user) {
        return group.stream().filter(other -> other != user).toList();
    }

    private static String references(List<DjangoUser> users) {
        return users.stream().map(DjangoUser::reference).collect(Collectors.joining(", "));
    }
}
