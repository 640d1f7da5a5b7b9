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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the output of `python manage.py dumpdata auth.user [account.emailaddress]`: a JSON list of
 * `{"model": "auth.user", "pk": 1, "fields": {...}}`, and django-allauth's address rows when dumped too. Rows
 * that cannot be read are returned as rejections with the reason; the file as a whole is refused only when it
 * is not a JSON list.
 */
final class DjangoDump {
    static final String NO_PK = "no pk (a dump made with --natural-primary has none: run dumpdata without it)";

    private DjangoDump() {}

    /**
     * `userPks`: the pk of every row of the user model that has one, readable or not, so an address row of a
     * user rejected for another reason is not reported a second time as pointing nowhere.
     */
    record Rows(List<DjangoUser> users, List<DjangoEmailAddress> addresses, Set<String> userPks,
                List<RowOutcome> rejected, int total) {}

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
        List<DjangoEmailAddress> addresses = new ArrayList<>();
        Set<String> userPks = new LinkedHashSet<>();
        List<RowOutcome> rejected = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            if (DjangoEmailAddress.MODEL.equals(node.path("model").asText())) {
                EmailAddressReader reader = new EmailAddressReader(i + 1, node);
                DjangoEmailAddress address = reader.read();
                if (address != null) {
                    addresses.add(address);
                } else {
                    rejected.add(reader.rejection());
                }
                continue;
            }
            RowReader reader = new RowReader(i + 1, node, model);
            DjangoUser user = reader.read();
            if (user != null) {
                users.add(user);
            } else {
                rejected.add(reader.rejection());
            }
            if (reader.pk != null) {
                userPks.add(reader.pk);
            }
        }
        return new Rows(users, addresses, userPks, rejected, root.size());
    }

    /** A pk or foreign key as Django writes it: an integer, or a non-blank string (UUID or custom keys); else null. */
    static String keyText(JsonNode value) {
        boolean usable = value != null
                && (value.isIntegralNumber() || value.isTextual() && !value.asText().isBlank());
        return usable ? value.asText() : null;
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
                        + ", not \"" + model + "\" (see --model) or \"" + DjangoEmailAddress.MODEL + "\"");
            }
            pk = keyText(node.get("pk"));
            if (pk == null) {
                return fail(NO_PK);
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
                    dateJoined, AdminRights.of(isTrue(fields, "is_superuser"), isTrue(fields, "is_staff")), false);
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
