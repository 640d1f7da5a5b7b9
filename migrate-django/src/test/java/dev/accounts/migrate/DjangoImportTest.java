package dev.accounts.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.wiring.EnvironmentWiring;
import dev.accounts.core.account.User;
import dev.accounts.core.contract.ApiException;
import dev.accounts.core.json.Json;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.testing.DjangoPasswords;
import dev.accounts.core.testing.TestStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import tool as an operator runs it, against a real DynamoDB endpoint, and the login that follows. */
class DjangoImportTest {
    private static final String PASSWORD = "violet-Harbor-92-lantern";
    /** "secret" under Django's argon2 hasher, from Django's own tests (argon2i, tiny cost). */
    private static final String DJANGO_ARGON2 = "argon2$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$YC9+jJCrQhs5R6db7LlN8Q";

    private final TestStack stack = TestStack.create();
    private final EnvironmentWiring services = stack.services();
    private final String aliceHash = DjangoPasswords.pbkdf2Sha256(PASSWORD);

    @TempDir
    Path dir;

    /** Two good rows, a case-different duplicate pair, an inactive user and eight kinds of malformed row. */
    private Path mixedDump() throws IOException {
        DjangoDumpFixture dump = new DjangoDumpFixture()
                .user(1, "alice", aliceHash, true)
                .user(2, "carol", DJANGO_ARGON2, true)
                .user(3, "Bob", DjangoPasswords.pbkdf2Sha256(PASSWORD), true)
                .user(4, "bob", DjangoPasswords.pbkdf2Sha256("another-Pass-77"), true)
                .user(5, "dave", DjangoPasswords.pbkdf2Sha256(PASSWORD), false)
                .user(6, "erin", "!q8UKk5oXz3wvbGEWh4PLgXKDdRRXKN2wbnJm0F7A", true)
                .user(7, "frank", "bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuuN1m6mj2Uq3b0G1Sx0DgSgA3aG9yE5yK", true)
                .user(8, "grace", "pbkdf2_sha256$600000$salt$cut-short", true)
                .user(9, "has space", DjangoPasswords.pbkdf2Sha256(PASSWORD), true)
                .raw(Json.MAPPER.getNodeFactory().textNode("not a row"))
                .raw(Json.MAPPER.createObjectNode().put("model", "auth.group").put("pk", 1))
                .user(12, "heidi", DjangoPasswords.pbkdf2Sha256(PASSWORD), true);
        dump.lastFields().remove("username");
        dump.user(13, "ivan", DjangoPasswords.pbkdf2Sha256(PASSWORD), true);
        dump.lastFields().put("date_joined", "last Tuesday");
        return dump.writeTo(dir.resolve("users.json"));
    }

    @Test
    void importsTheGoodRowsAndReportsEveryOtherWithItsReason() throws Exception {
        Run run = run(mixedDump().toString());

        assertEquals(1, run.exit, "rejected rows make the exit status non-zero\n" + run.out);
        run.expect(1, "imported", "\"alice\"");
        run.expect(2, "imported", "\"carol\"");
        run.expect(3, "rejected", "duplicate username", "row 4 (pk 4, \"bob\")");
        run.expect(4, "rejected", "duplicate username", "row 3 (pk 3, \"Bob\")");
        run.expect(5, "skipped", "inactive");
        run.expect(6, "rejected", "unusable password");
        run.expect(7, "rejected", "unsupported password hash \"bcrypt_sha256\"");
        run.expect(8, "rejected", "malformed pbkdf2_sha256");
        run.expect(9, "rejected", "username: Enter a valid username");
        run.expect(10, "rejected", "not a JSON object");
        run.expect(11, "rejected", "model is \"auth.group\"");
        run.expect(12, "rejected", "username missing");
        run.expect(13, "rejected", "date_joined");
        assertTrue(run.out.contains("2 imported, 1 skipped, 10 rejected"), run.out);
        assertTrue(!run.out.contains("pbkdf2_sha256$") && !run.out.contains(aliceHash), "no hash is ever printed");

        assertEquals(List.of("NAME#alice", "NAME#carol", "USER#" + MigratedIds.of("auth.user", "1"),
                "USER#" + MigratedIds.of("auth.user", "2")), storedKeys(), "two whole accounts, nothing else");
        User alice = services.users().findByUsernameKey("alice").orElseThrow();
        assertEquals(aliceHash, alice.passwordHash(), "the Django hash is kept as it is");
        assertEquals("alice@example.com", alice.email());
        assertEquals("First 1", alice.firstName());
        assertEquals("Last 1", alice.lastName());
        assertEquals(Instant.parse("2021-03-04T05:06:07Z"), alice.createdAt());
    }

    @Test
    void aSecondRunImportsNothingNewAndSaysWhy() throws Exception {
        String dump = mixedDump().toString();
        run(dump);
        List<String> afterFirst = storedKeys();

        Run second = run(dump);

        assertTrue(second.out.contains("0 imported, 3 skipped, 10 rejected"), second.out);
        second.expect(1, "skipped", "already imported (id " + MigratedIds.of("auth.user", "1") + ")");
        second.expect(2, "skipped", "already imported");
        assertEquals(afterFirst, storedKeys());
    }

    @Test
    void aMigratedUserLogsInWithTheDjangoPasswordAndLeavesWithAnArgon2idHash() throws Exception {
        run(mixedDump().toString());
        Accounts accounts = new Accounts(services);

        assertNotNull(accounts.login("alice", PASSWORD).access());
        assertNotNull(accounts.login("carol", "secret").access());

        for (String name : new String[] {"alice", "carol"}) {
            String stored = services.users().findByUsernameKey(name).orElseThrow().passwordHash();
            assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), name + " upgraded");
        }
        assertNotNull(accounts.login("ALICE", PASSWORD).access(), "the new hash, and the name in any case");
        ApiException wrong = assertThrows(ApiException.class, () -> accounts.login("alice", "violet-Harbor-92"));
        assertEquals(401, wrong.status());

        Run again = run(mixedDump().toString());
        again.expect(1, "skipped", "already imported");
    }

    @Test
    void aReRunAfterTheOwnerDeletedTheAccountLeavesItDeleted() throws Exception {
        Path dump = new DjangoDumpFixture().user(1, "alice", aliceHash, true).writeTo(dir.resolve("one.json"));
        run(dump.toString());
        Accounts accounts = new Accounts(services);
        String accessBeforeDeletion = accounts.login("alice", PASSWORD).access();
        String id = MigratedIds.of("auth.user", "1");
        accounts.delete(services.users().findById(id).orElseThrow());

        Run dry = run("--dry-run", dump.toString());
        Run again = run(dump.toString());

        dry.expect(1, "skipped", "deleted here by its owner", id);
        again.expect(1, "skipped", "deleted here by its owner", id);
        assertEquals(0, again.exit, again.out);
        assertTrue(services.users().findById(id).isEmpty(), "the deleted account stays deleted");
        assertEquals(401, assertThrows(ApiException.class, () -> accounts.login("alice", PASSWORD)).status());
        ApiException verify = assertThrows(ApiException.class, () -> services.verifyToken()
                .verify(Json.MAPPER.createObjectNode().put("token", accessBeforeDeletion), accounts.issuer()));
        assertEquals(401, verify.status(), "a token issued before the deletion stays dead");
    }

    @Test
    void superusersAndStaffAreFlaggedOnTheirReportLines() throws Exception {
        DjangoDumpFixture dump = new DjangoDumpFixture().user(1, "root", aliceHash, true);
        dump.lastFields().put("is_superuser", true).put("is_staff", true);
        dump.user(2, "helpdesk", aliceHash, true).lastFields().put("is_staff", true);
        dump.user(3, "alice", aliceHash, true);
        dump.user(4, "old-admin", aliceHash, false).lastFields().put("is_superuser", true);

        Run run = run(dump.writeTo(dir.resolve("admins.json")).toString());

        run.expect(1, "imported", "SUPERUSER in Django");
        run.expect(2, "imported", "staff in Django");
        run.expect(4, "skipped", "inactive", "SUPERUSER in Django");
        String alice = Arrays.stream(run.out.split("\n")).filter(l -> l.contains("row 3,")).findFirst().orElseThrow();
        assertTrue(!alice.contains("in Django:"), alice);
    }

    /** Users 1 to 4, then django-allauth's rows, as `dumpdata auth.user account.emailaddress` writes them. */
    private Path dumpWithAddresses() throws IOException {
        return new DjangoDumpFixture()
                .user(1, "alice", aliceHash, true)
                .user(2, "bob", aliceHash, true)
                .user(3, "carol", aliceHash, true)
                .user(4, "dave", aliceHash, true)
                .emailAddress(1, 1, "Alice@EXAMPLE.com", true)
                .emailAddress(2, 2, "bob@example.com", false)
                .emailAddress(3, 3, "carol@example.com", false)
                .emailAddress(4, 3, "carol.at.work@example.com", true)
                .emailAddress(5, 99, "zoe@example.com", true)
                .raw(Json.MAPPER.readTree("""
                        {"model": "account.emailaddress", "pk": 6, "fields": {"user": 2, "email": "bob@example.com",
                         "verified": "yes", "primary": false}}"""))
                .writeTo(dir.resolve("with-addresses.json"));
    }

    @Test
    void aUserArrivesVerifiedExactlyWhenAllauthVerifiedTheUsersOwnAddress() throws Exception {
        Run run = run(dumpWithAddresses().toString());

        assertEquals(1, run.exit, "the two unusable address rows count as rejected\n" + run.out);
        run.expect(1, "imported", "\"alice\"", "e-mail address verified");
        for (int unverified = 2; unverified <= 4; unverified++) {
            run.expect(unverified, "imported");
            String line = run.line(unverified);
            assertTrue(!line.contains("verified"), line);
        }
        run.expect(9, "rejected", "account.emailaddress", "user 99 is not among the dump's user rows");
        run.expect(10, "rejected", "account.emailaddress", "\"verified\" missing or not true or false");
        assertTrue(run.out.contains("4 imported, 0 skipped, 2 rejected; 1 of the imported with a verified e-mail "
                + "address\n"), run.out);

        assertEquals(Map.of("alice", true, "bob", false, "carol", false, "dave", false), verifiedFlags(),
                "same address in another case: verified; unverified row, a verified other address, no row: not");
        assertEquals(8, storedKeys().size(), "four accounts and their names, nothing for the row of user 99");
        assertEquals(true, services.users().findByUsernameKey("alice").orElseThrow().toProfileJson()
                .get("email_verified"), "GET /account/me shows it");

        EnvironmentWiring mandatory = stack.with("EMAIL_VERIFICATION", "mandatory").services();
        assertNotNull(new Accounts(mandatory).login("alice", PASSWORD).access(), "verified: logs in under mandatory");
        ApiException unverified = assertThrows(ApiException.class,
                () -> new Accounts(mandatory).login("bob", PASSWORD));
        assertEquals(400, unverified.status(), "unverified: must verify first");
    }

    @Test
    void aDryRunWithAddressRowsCountsTheUsersThatWouldArriveVerified() throws Exception {
        Run run = run("--dry-run", dumpWithAddresses().toString());

        run.expect(1, "would import", "e-mail address verified");
        assertTrue(run.out.contains("4 would be imported, 0 skipped, 2 rejected; 1 of the imported with a verified"),
                run.out);
        assertEquals(List.of(), storedKeys());
    }

    @Test
    void withoutAddressRowsEveryUserArrivesUnverifiedAndTheReportIsAsBefore() throws Exception {
        Path dump = new DjangoDumpFixture().user(1, "alice", aliceHash, true).writeTo(dir.resolve("one.json"));

        Run run = run(dump.toString());

        assertEquals(0, run.exit, run.out);
        assertTrue(run.out.endsWith("1 imported, 0 skipped, 0 rejected\n"), run.out);
        assertTrue(!run.out.contains("account.emailaddress") && !run.out.contains("verified"), run.out);
        assertEquals(Map.of("alice", false), verifiedFlags());
    }

    @Test
    void aDryRunJudgesEveryRowAndWritesNothing() throws Exception {
        Run run = run("--dry-run", mixedDump().toString());

        assertEquals(1, run.exit);
        run.expect(1, "would import", "\"alice\"");
        run.expect(4, "rejected", "duplicate username");
        assertTrue(run.out.contains("dry run, nothing written: 2 would be imported, 1 skipped, 10 rejected"), run.out);
        assertEquals(List.of(), storedKeys());
    }

    @Test
    void aNameAlreadyTakenHereIsRejectedAndTheExistingAccountKept() throws Exception {
        User signedUp = new User(UUID.randomUUID().toString(), "Alice", "", "", "",
                services.passwordHasher().hash(PASSWORD), Instant.now());
        services.users().create(signedUp);
        Path dump = new DjangoDumpFixture().user(1, "alice", aliceHash, true).writeTo(dir.resolve("one.json"));

        Run run = run(dump.toString());

        assertEquals(1, run.exit);
        run.expect(1, "rejected", "username taken by another account");
        assertEquals(signedUp.passwordHash(), services.users().findByUsernameKey("alice").orElseThrow().passwordHash());
        assertTrue(services.users().findById(MigratedIds.of("auth.user", "1")).isEmpty());
    }

    @Test
    void aCleanDumpExitsZeroAndUnicodeLookalikesCountAsDuplicates() throws Exception {
        Path clean = new DjangoDumpFixture()
                .user(1, "alice", aliceHash, true)
                .user(2, "dave", aliceHash, false)
                .writeTo(dir.resolve("clean.json"));
        assertEquals(0, run(clean.toString()).exit);

        Path lookalikes = new DjangoDumpFixture()
                .user(3, "straße", aliceHash, true)
                .user(4, "STRASSE", aliceHash, true)
                .user(5, "ｚｏｅ", aliceHash, true)
                .user(6, "zoe", aliceHash, true)
                .writeTo(dir.resolve("lookalikes.json"));
        Run run = run(lookalikes.toString());
        assertTrue(run.out.contains("0 imported, 0 skipped, 4 rejected"), run.out);
    }

    @Test
    void aUserModelOtherThanAuthUserIsImportedWithModel() throws Exception {
        Path dump = dir.resolve("custom.json");
        Files.writeString(dump, """
                [{"model": "accounts.customuser", "pk": "b1c2", "fields": {"username": "zed",
                  "password": "%s", "email": "zed@example.com", "date_joined": "2020-01-02T03:04:05+02:00"}}]
                """.formatted(aliceHash));

        assertEquals(1, run(dump.toString()).exit, "auth.user by default");
        Run run = run("--model", "accounts.customuser", dump.toString());

        assertEquals(0, run.exit, run.out);
        User zed = services.users().findById(MigratedIds.of("accounts.customuser", "b1c2")).orElseThrow();
        assertEquals("", zed.firstName());
        assertEquals(Instant.parse("2020-01-02T01:04:05Z"), zed.createdAt());
    }

    @Test
    void configurationAndInputProblemsStopBeforeAnyWrite() throws Exception {
        Path dump = mixedDump();
        Map<String, String> noTable = new HashMap<>(stack.env());
        noTable.remove("USERS_TABLE");
        Run missingTable = runWith(noTable, dump.toString());
        assertEquals(2, missingTable.exit);
        assertTrue(missingTable.err.contains("USERS_TABLE"), missingTable.err);

        Map<String, String> wrongName = new HashMap<>(stack.env());
        wrongName.put("USERS_TABLE", "no-such-table");
        Run wrongTable = runWith(wrongName, dump.toString());
        assertEquals(2, wrongTable.exit);
        assertTrue(wrongTable.err.contains("table no-such-table not found"), wrongTable.err);

        Path notAList = Files.writeString(dir.resolve("object.json"), "{\"model\": \"auth.user\"}");
        Run notList = run(notAList.toString());
        assertEquals(2, notList.exit);
        assertTrue(notList.err.contains("not a JSON list"), notList.err);

        assertEquals(2, run(dir.resolve("missing.json").toString()).exit);
        assertEquals(2, run("--bogus", dump.toString()).exit);
        assertEquals(List.of(), storedKeys());
    }

    @Test
    void withoutAwsRegionTheRegionComesFromTheSdkChainNotADefault() throws Exception {
        Map<String, String> noRegion = new HashMap<>(stack.env());
        noRegion.remove("AWS_REGION");
        String before = System.getProperty("aws.region");
        System.setProperty("aws.region", "eu-west-3");
        try {
            Run run = runWith(noRegion, "--dry-run", mixedDump().toString());
            // The local engine keeps its tables in the region the tests created them in, so eu-west-3 has none.
            assertEquals(2, run.exit, run.out);
            assertTrue(run.err.contains("not found in eu-west-3"), run.err);
        } finally {
            if (before == null) {
                System.clearProperty("aws.region");
            } else {
                System.setProperty("aws.region", before);
            }
        }
    }

    private Run run(String... args) {
        return runWith(stack.env(), args);
    }

    private Run runWith(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DjangoImport.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Each stored account's username and whether its address is verified. */
    private Map<String, Boolean> verifiedFlags() {
        return stack.dynamoDb().scan(r -> r.tableName(stack.usersTable())).items().stream()
                .filter(item -> item.get("pk").s().startsWith("USER#"))
                .map(item -> services.users().findById(item.get("pk").s().substring("USER#".length())).orElseThrow())
                .collect(Collectors.toMap(User::username, User::emailVerified));
    }

    private List<String> storedKeys() {
        return stack.dynamoDb().scan(r -> r.tableName(stack.usersTable())).items().stream()
                .map(item -> item.get("pk").s())
                .filter(pk -> pk.startsWith("USER#") || pk.startsWith("NAME#"))
                .sorted().toList();
    }

    private record Run(int exit, String out, String err) {
        /** The report line of `row` says `result` and contains every one of `parts`. */
        void expect(int row, String result, String... parts) {
            String line = line(row);
            assertTrue(line.startsWith(result + " "), line);
            for (String part : parts) {
                assertTrue(line.contains(part), "expected '" + part + "' in: " + line);
            }
        }

        String line(int row) {
            return Arrays.stream(out.split("\n")).filter(l -> l.matches(".*\\brow " + row + ",.*"))
                    .findFirst().orElseThrow(() -> new AssertionError("no line for row " + row + " in\n" + out));
        }
    }
}
