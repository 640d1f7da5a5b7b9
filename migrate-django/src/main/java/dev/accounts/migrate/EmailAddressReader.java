package dev.accounts.migrate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one `account.emailaddress` row of the dump; on the first problem it stops and keeps the reason, so a
 * malformed row is reported like a malformed user row and costs nothing else.
 */
final class EmailAddressReader {
    private final int row;
    private final JsonNode node;
    private String pk;
    private String problem;

    EmailAddressReader(int row, JsonNode node) {
        this.row = row;
        this.node = node;
    }

    RowOutcome rejection() {
        return RowOutcome.rejectedAddress(row, pk, problem);
    }

    DjangoEmailAddress read() {
        pk = DjangoDump.keyText(node.get("pk"));
        if (pk == null) {
            return fail(DjangoDump.NO_PK);
        }
        JsonNode fields = node.get("fields");
        if (fields == null || !fields.isObject()) {
            return fail("no \"fields\" object");
        }
        String userPk = DjangoDump.keyText(fields.get("user"));
        if (userPk == null) {
            return fail("\"user\" missing or not a user pk (a dump made with --natural-foreign names the user "
                    + "instead: run dumpdata without it)");
        }
        JsonNode email = fields.get("email");
        if (email == null || !email.isTextual()) {
            return fail("\"email\" missing or not a string");
        }
        JsonNode verified = fields.get("verified");
        if (verified == null || !verified.isBoolean()) {
            return fail("\"verified\" missing or not true or false");
        }
        return new DjangoEmailAddress(row, pk, userPk, email.asText(), verified.asBoolean());
    }

    private DjangoEmailAddress fail(String reason) {
        problem = reason;
        return null;
    }
}
