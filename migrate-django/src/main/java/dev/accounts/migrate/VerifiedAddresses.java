package dev.accounts.migrate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * django-allauth's `account.emailaddress` rows of the dump, by the user they belong to. A user arrives verified
 * exactly when one of its rows has the user's own address (compared as {@link DjangoEmailAddress#verifies}
 * does) and `"verified": true`; a verified secondary address proves nothing about the one kept here.
 */
final class VerifiedAddresses {
    private final List<DjangoEmailAddress> rows;
    private final Map<String, List<DjangoEmailAddress>> byUser;

    VerifiedAddresses(List<DjangoEmailAddress> rows) {
        this.rows = rows;
        this.byUser = rows.stream().collect(Collectors.groupingBy(DjangoEmailAddress::userPk));
    }

    /** `user`, marked verified when a row proves its address. */
    DjangoUser apply(DjangoUser user) {
        boolean proved = byUser.getOrDefault(user.pk(), List.of()).stream().anyMatch(row -> row.verifies(user));
        return proved ? user.withEmailVerified() : user;
    }

    /** The rows whose user is not in the dump: reported, since their user was probably left out of it. */
    List<RowOutcome> pointingNowhere(Set<String> userPks) {
        return rows.stream().filter(row -> !userPks.contains(row.userPk()))
                .map(row -> row.rejected("user " + RowOutcome.shownKey(row.userPk()) + " is not among the dump's "
                        + "user rows, so the row was not used; dump both models together (`manage.py dumpdata "
                        + "auth.user account.emailaddress`)"))
                .toList();
    }

    boolean any() {
        return !rows.isEmpty();
    }
}
