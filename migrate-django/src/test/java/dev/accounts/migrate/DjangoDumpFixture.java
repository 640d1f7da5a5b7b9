package dev.accounts.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a `dumpdata auth.user [account.emailaddress]` file row by row, as Django writes it. */
final class DjangoDumpFixture {
    private final ArrayNode rows = Json.MAPPER.createArrayNode();

    /** A full auth.user row, with the fields Django dumps that this service ignores too. */
    DjangoDumpFixture user(int pk, String username, String passwordHash, boolean active) {
        ObjectNode fields = Json.MAPPER.createObjectNode()
                .put("password", passwordHash)
                .putNull("last_login")
                .put("is_superuser", false)
                .put("username", username)
                .put("first_name", "First " + pk)
                .put("last_name", "Last " + pk)
                .put("email", username.toLowerCase() + "@example.com")
                .put("is_staff", false)
                .put("is_active", active)
                .put("date_joined", "2021-03-04T05:06:07.123Z");
        fields.putArray("groups");
        fields.putArray("user_permissions");
        return raw(Json.MAPPER.createObjectNode().put("model", "auth.user").put("pk", pk).set("fields", fields));
    }

    /** A django-allauth `account.emailaddress` row of the user whose pk is `userPk`. */
    DjangoDumpFixture emailAddress(int pk, int userPk, String email, boolean verified) {
        ObjectNode fields = Json.MAPPER.createObjectNode()
                .put("user", userPk)
                .put("email", email)
                .put("verified", verified)
                .put("primary", true);
        return raw(Json.MAPPER.createObjectNode().put("model", "account.emailaddress").put("pk", pk)
                .set("fields", fields));
    }

    DjangoDumpFixture raw(JsonNode row) {
        rows.add(row);
        return this;
    }

    /** The last row's fields, to change one for a malformed case. */
    ObjectNode lastFields() {
        return (ObjectNode) rows.get(rows.size() - 1).get("fields");
    }

    Path writeTo(Path file) throws IOException {
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        return file;
    }
}
