package dev.accounts.migrate;

/**
 * Django's `is_superuser` and `is_staff`. This service has no roles, so they are not imported; the report
 * flags the rows that had them, so the operator can grant those people their rights wherever admin now lives.
 */
enum AdminRights {
    NONE(""),
    STAFF(" [staff in Django: admin-site access is not carried over]"),
    SUPERUSER(" [SUPERUSER in Django: admin rights are not carried over]");

    private final String flag;

    AdminRights(String flag) {
        this.flag = flag;
    }

    static AdminRights of(boolean superuser, boolean staff) {
        return superuser ? SUPERUSER : staff ? STAFF : NONE;
    }

    /** Appended to the row's report line. */
    String flag() {
        return flag;
    }
}
