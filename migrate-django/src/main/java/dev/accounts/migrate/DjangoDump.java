package dev.accounts.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the output of `python manage.py dumpdata auth.user`: a JSON list of
 * `{"model": "auth.user", "pk": 1, "fields": {...}}`. Rows that cannot be read as a user are returned as
 * rejections with the reason; the file as a whole is refused only when it is not a JSON list.
 */
final class DjangoDump {
    private DjangoDump() {}

    record Rows(List<DjangoUser> users, List<RowOutcome> rejected, int total) {}

    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    static Rows read(Path file, String model) throws IOException, Unreadable {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new Unreadable(file + " is not JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new Unreadable(file + " is not a JSON list: expected the output of `manage.py dumpdata " + model + "`");
        }
        List<DjangoUser> users = new ArrayList<>();
        List<RowOutcome> rejected = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            RowReader reader = new RowReader(i + 1, root.get(i), model);
            DjangoUser user = reader.read();
            if (user != null) {
                users.add(user);
            } else {
                rejected.add(reader.rejection());
            }
        }
        return new Rows(users, rejected, root.size());
    }

    /** Reads one row; on the first problem it stops and keeps the reason. */
    private static final class RowReader {
        private final int row;
        private final JsonNode node;
        private final String model;
        private String pk;
        private String username;
        private String problem;

        RowReader(int row, JsonNode node, String model) {
            this.row = row;
            this.node = node;
            this.model = model;
        }

        RowOutcome rejection() {
            return RowOutcome.rejected(row, pk, username, problem);
        }

        DjangoUser read() {
            if (!node.isObject()) {
                return fail("not a JSON object");
            }
            JsonNode modelNode = node.get("model");
            if (modelNode == null || !model.equals(modelNode.asText(null))) {
                return fail("model is " + (modelNode == null ? "missing" : Json.write(modelNode))
                        + ", not \"" + model + "\" (see --model)");
            }
            JsonNode pkNode = node.get("pk");
            if (pkNode != null && (pkNode.isIntegralNumber() || pkNode.isTextual() && !pkNode.asText().isBlank())) {
                pk = pkNode.asText();
            } else {
                return fail("no pk (a dump made with --natural-primary has none: run dumpdata without it)");
            }
            JsonNode fields = node.get("fields");
            if (fields == null || !fields.isObject()) {
                return fail("no \"fields\" object");
            }
            JsonNode usernameNode = fields.get("username");
            if (usernameNode == null || !usernameNode.isTextual() || usernameNode.asText().isEmpty()) {
                return fail("username missing or not a string");
            }
            username = usernameNode.asText();
            JsonNode password = fields.get("password");
            if (password == null || !password.isTextual()) {
                return fail("password missing or not a string");
            }
            String email = optionalText(fields, "email");
            String firstName = optionalText(fields, "first_name");
            String lastName = optionalText(fields, "last_name");
            Boolean active = activeFlag(fields);
            Instant dateJoined = dateJoined(fields);
            if (problem != null) {
                return null;
            }
            return new DjangoUser(row, pk, username, password.asText(), email, firstName, lastName, active,
                    dateJoined, AdminRights.of(isTrue(fields, "is_superuser"), isTrue(fields, "is_staff")));
        }

        /** Absent or null is "" (custom user models may lack the field); anything but a string is refused. */
        private String optionalText(JsonNode fields, String name) {
            JsonNode value = fields.get(name);
            if (value == null || value.isNull()) {
                return "";
            }
            if (!value.isTextual()) {
                fail("\"" + name + "\" is not a string");
                return "";
            }
            return value.asText();
        }

        /** Absent means active, as AbstractBaseUser's class attribute does for models without the field. */
        private Boolean activeFlag(JsonNode fields) {
            JsonNode value = fields.get("is_active");
            if (value == null) {
                return true;
            }
            if (!value.isBoolean()) {
                fail("\"is_active\" is not true or false");
                return false;
            }
            return value.asBoolean();
        }

        /** Only for the report: the rights are not imported, so a missing or odd value just means "not flagged". */
        private static boolean isTrue(JsonNode fields, String name) {
            JsonNode value = fields.get(name);
            return value != null && value.isBoolean() && value.asBoolean();
        }

        /** Django writes ISO 8601 with "Z" or an offset; naive times (USE_TZ = False) are taken as UTC. */
        private Instant dateJoined(JsonNode fields) {
            JsonNode value = fields.get("date_joined");
            if (value == null || value.isNull()) {
                return null;
            }
            String text = value.asText();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notADate) {
                    fail("\"date_joined\" is not an ISO 8601 date-time");
                    return null;
                }
            }
        }

        private DjangoUser fail(String reason) {
            if (problem == null) {
                problem = reason;
            }
            return null;
        }
    }
}
