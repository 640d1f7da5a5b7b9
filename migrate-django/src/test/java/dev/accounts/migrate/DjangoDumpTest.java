package dev.accounts.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading rows as Django's serializer writes them, including the shapes of custom user models. */
class DjangoDumpTest {
    @TempDir
    Path dir;

    @Test
    void readsDjangosDateFormsAndDefaultsWhatCustomModelsLeaveOut() throws Exception {
        DjangoDump.Rows rows = read("""
                [{"model": "auth.user", "pk": 1, "fields": {"username": "a", "password": "x",
                  "date_joined": "2021-03-04T05:06:07Z"}},
                 {"model": "auth.user", "pk": 2, "fields": {"username": "b", "password": "x",
                  "date_joined": "2021-03-04T05:06:07.250", "email": null, "is_active": false}},
                 {"model": "auth.user", "pk": 3, "fields": {"username": "c", "password": "x"}}]
                """);

        assertEquals(3, rows.users().size(), rows.rejected().toString());
        DjangoUser a = rows.users().get(0);
        assertEquals(Instant.parse("2021-03-04T05:06:07Z"), a.dateJoined());
        assertEquals("", a.email());
        assertTrue(a.active(), "no is_active field means active");
        DjangoUser b = rows.users().get(1);
        assertEquals(Instant.parse("2021-03-04T05:06:07.250Z"), b.dateJoined(), "naive (USE_TZ = False) read as UTC");
        assertFalse(b.active());
        assertEquals(null, rows.users().get(2).dateJoined());
    }

    @Test
    void aFieldOfTheWrongTypeRejectsItsRowOnly() throws Exception {
        DjangoDump.Rows rows = read("""
                [{"model": "auth.user", "pk": 1.5, "fields": {"username": "a", "password": "x"}},
                 {"model": "auth.user", "pk": 2, "fields": {"username": "b", "password": "x", "is_active": "yes"}},
                 {"model": "auth.user", "pk": 3, "fields": {"username": "c", "password": "x", "email": 7}},
                 {"model": "auth.user", "pk": 4, "fields": {"username": "d", "password": null}},
                 {"model": "auth.user", "pk": 5, "fields": "none"},
                 {"model": "auth.user", "pk": 6, "fields": {"username": "f", "password": "x"}}]
                """);

        assertEquals(1, rows.users().size());
        assertEquals("6", rows.users().get(0).pk());
        assertEquals(List.of("no pk (a dump made with --natural-primary has none: run dumpdata without it)",
                        "\"is_active\" is not true or false", "\"email\" is not a string",
                        "password missing or not a string", "no \"fields\" object"),
                rows.rejected().stream().map(RowOutcome::reason).toList());
    }

    @Test
    void allauthAddressRowsAreReadAndTheMalformedOnesRejectedWithTheirReason() throws Exception {
        DjangoDump.Rows rows = read("""
                [{"model": "auth.user", "pk": 1, "fields": {"username": "a", "password": "x", "email": "a@x.org"}},
                 {"model": "auth.user", "pk": 2, "fields": {"username": "b"}},
                 {"model": "account.emailaddress", "pk": 1, "fields": {"user": 1, "email": "A@x.org",
                  "verified": true, "primary": true}},
                 {"model": "account.emailaddress", "fields": {"user": 1, "email": "a@x.org", "verified": true}},
                 {"model": "account.emailaddress", "pk": 3, "fields": {"user": ["a"], "email": "a@x.org",
                  "verified": true}},
                 {"model": "account.emailaddress", "pk": 4, "fields": {"user": 1, "email": null, "verified": true}},
                 {"model": "account.emailaddress", "pk": 5, "fields": {"user": 1, "email": "a@x.org"}},
                 {"model": "account.emailaddress", "pk": 6, "fields": []}]
                """);

        assertEquals(List.of(new DjangoEmailAddress(3, "1", "1", "A@x.org", true)), rows.addresses());
        assertEquals(java.util.Set.of("1", "2"), rows.userPks(), "a rejected user row's pk counts as in the dump");
        assertEquals(List.of("password missing or not a string", DjangoDump.NO_PK,
                        "\"user\" missing or not a user pk (a dump made with --natural-foreign names the user "
                                + "instead: run dumpdata without it)",
                        "\"email\" missing or not a string", "\"verified\" missing or not true or false",
                        "no \"fields\" object"),
                rows.rejected().stream().map(RowOutcome::reason).toList());
        assertTrue(rows.rejected().get(2).line(false).startsWith("rejected     row 5, pk 3, account.emailaddress: "),
                rows.rejected().get(2).line(false));
    }

    @Test
    void aFileThatIsNotAListIsRefusedWhole() throws Exception {
        assertThrows(DjangoDump.Unreadable.class, () -> read("{\"model\": \"auth.user\"}"));
        assertThrows(DjangoDump.Unreadable.class, () -> read("[{\"model\": "));
    }

    private DjangoDump.Rows read(String json) throws Exception {
        return DjangoDump.read(Files.writeString(dir.resolve("dump.json"), json), "auth.user");
    }
}
