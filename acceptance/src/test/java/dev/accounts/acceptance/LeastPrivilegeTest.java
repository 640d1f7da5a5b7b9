package dev.accounts.acceptance;

import static dev.accounts.acceptance.Contract.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accounts.acceptance.IamPermissions.Permission;
import dev.accounts.core.testing.Accounts;
import dev.accounts.core.http.HttpApiEvent;
import dev.accounts.core.testing.Responses;
import dev.accounts.core.testing.TestStack;
import dev.accounts.devkit.LocalMail;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local engines check no IAM permission; AWS does, and a call a policy does not allow fails there only. So
 * every AWS call each function makes on a journey through all of them is recorded and held against the policies
 * the template gives that function: each call allowed, each policy needed, and no write access where it only reads.
 */
class LeastPrivilegeTest {
    private static final Template TEMPLATE = Template.load();

    private TestStack stack;
    private Deployment deployment;

    @BeforeEach
    void deploy() {
        stack = TestStack.create();
        deployment = Deployment.recordingAwsCalls(stack);
    }

    @AfterEach
    void undeploy() {
        deployment.close();
    }

    @Test
    void everyFunctionMayMakeTheCallsItMakesAndNoMore() {
        walkThroughEveryFunction();
        assertEquals(new TreeSet<>(TEMPLATE.functionIds()), new TreeSet<>(deployment.invokedFunctions()),
                "the journey must reach every function of the template");

        Function<String, String> logicalIdOf = logicalIds();
        for (String functionId : TEMPLATE.functionIds()) {
            Set<Permission> needed = new LinkedHashSet<>();
            deployment.recorder().calls(functionId)
                    .forEach(call -> needed.addAll(IamPermissions.needed(call, logicalIdOf, LeastPrivilegeTest::kmsKeyOf)));
            Set<Permission> granted = new LinkedHashSet<>();
            TEMPLATE.policies(functionId).forEach(policy -> granted.addAll(grants(policy)));
            List<Permission> refused = needed.stream().filter(p -> !granted.contains(p)).toList();
            assertTrue(refused.isEmpty(), functionId + " would be refused " + refused + " by AWS");

            for (Template.Policy policy : TEMPLATE.policies(functionId)) {
                Set<Permission> used = needed.stream().filter(grants(policy)::contains).collect(Collectors.toSet());
                assertFalse(used.isEmpty(), functionId + " never uses its policy " + policy + "; it needs " + needed);
                if (policy.name().equals("DynamoDBCrudPolicy")) {
                    assertFalse(used.stream().allMatch(p -> IamPermissions.DYNAMODB_READS.contains(p.action())),
                            functionId + " only reads " + policy.target() + " (" + used + "): DynamoDBReadPolicy is enough");
                }
            }
        }
    }

    @Test
    void theAccountFunctionsAreGrantedExactActionsNeverATableWidePolicyTemplate() {
        for (String functionId : List.of("CreateAccountFunction", "LoginFunction")) {
            Set<String> actions = new TreeSet<>();
            TEMPLATE.policies(functionId).stream().filter(p -> p.target().equals("UsersTable"))
                    .forEach(p -> actions.addAll(IamPermissions.actions(p)));
            assertFalse(actions.isEmpty(), functionId);
            for (String wide : List.of("dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem")) {
                assertFalse(actions.contains(wide), functionId + " may call " + wide + ": " + actions);
            }
            // named one by one, so that everyFunctionMayMakeTheCallsItMakesAndNoMore sees each one called
            assertTrue(TEMPLATE.policies(functionId).stream().filter(p -> p.target().equals("UsersTable"))
                    .allMatch(Template.Policy::isInlineAction), functionId + " uses a SAM policy template on UsersTable");
        }
    }

    /** The customer-managed key a secret of the template is encrypted with, if any. */
    private static Optional<String> kmsKeyOf(String secretId) {
        JsonNode key = TEMPLATE.resource(secretId).path("Properties").path("KmsKeyId");
        return key.isMissingNode() ? Optional.empty() : Optional.of(key.asText());
    }

    private static Set<Permission> grants(Template.Policy policy) {
        return IamPermissions.actions(policy).stream()
                .map(action -> new Permission(action, policy.target())).collect(Collectors.toSet());
    }

    /** Each function in turn, down the paths that use its permissions (a failed login counts the failure). */
    private void walkThroughEveryFunction() {
        String username = Accounts.uniqueName("privileges");
        String email = username + "@example.com";
        String credentials = Accounts.body("username", username, "password", Accounts.PASSWORD);
        String id = expect(201, deployment.send(HttpApiEvent.post("/account/create-account",
                Accounts.body("username", username, "password", Accounts.PASSWORD, "email", email)).build())).path("id").asText();
        expect(401, deployment.send(HttpApiEvent.post("/account/login",
                Accounts.body("username", username, "password", "wrong-" + Accounts.PASSWORD)).build()));
        JsonNode login = expect(200, deployment.send(HttpApiEvent.post("/account/login", credentials).build()));
        JsonNode pair = expect(200, deployment.send(HttpApiEvent.post("/account/refresh",
                Accounts.refreshBody(login.path("refresh").asText())).build()));
        for (String token : new String[] {pair.path("access").asText(), pair.path("refresh").asText()}) {
            Responses.assertAnswer(deployment.send(HttpApiEvent.post("/account/verify", Accounts.body("token", token)).build()), 200, "{}");
        }
        expect(200, deployment.send(HttpApiEvent.get("/.well-known/jwks.json").build()));
        expect(200, deployment.send(HttpApiEvent.get("/.well-known/openid-configuration").build()));
        expect(200, deployment.send(HttpApiEvent.post("/account/logout", Accounts.refreshBody(pair.path("refresh").asText()))
                .bearer(pair.path("access").asText()).build()));
        walkThroughTheLifecycle(email, pair.path("access").asText());
        String access = expect(200, deployment.send(HttpApiEvent.post("/account/login",
                Accounts.body("username", username, "password", RESET_PASSWORD)).build())).path("access").asText();
        Responses.assertNoContent(deployment.send(HttpApiEvent.delete("/account/delete-account/" + id).bearer(access).build()));
    }

    private static final String CHANGED_PASSWORD = "staple-orbit-lantern-42";
    private static final String RESET_PASSWORD = "quiet-meadow-copper-17";

    /** The lifecycle functions, from an unverified address (EmailVerification optional) to a password reset. */
    private void walkThroughTheLifecycle(String email, String access) {
        expect(200, deployment.send(HttpApiEvent.post("/account/resend-email", Accounts.body("email", email)).build()));
        expect(200, deployment.send(HttpApiEvent.post("/account/verify-email",
                Accounts.body("key", mailedLink(email).get("key"))).build()));
        expect(200, deployment.send(HttpApiEvent.get("/account/me").bearer(access).build()));
        String changedEmail = "changed-" + email;
        expect(200, deployment.send(HttpApiEvent.patch("/account/me", Accounts.body("email", changedEmail)).bearer(access).build()));
        expect(400, deployment.send(HttpApiEvent.post("/account/change-password", Accounts.body("old_password",
                "wrong-" + Accounts.PASSWORD, "new_password", CHANGED_PASSWORD)).bearer(access).build()));
        String fresh = expect(200, deployment.send(HttpApiEvent.post("/account/change-password", Accounts.body("old_password",
                Accounts.PASSWORD, "new_password", CHANGED_PASSWORD)).bearer(access).build())).path("access").asText();
        expect(200, deployment.send(HttpApiEvent.post("/account/logout-all", "{}").bearer(fresh).build()));
        expect(200, deployment.send(HttpApiEvent.post("/account/password-reset", Accounts.body("email", changedEmail)).build()));
        Map<String, String> link = mailedLink(changedEmail);
        expect(200, deployment.send(HttpApiEvent.post("/account/password-reset/confirm", Accounts.body("uid", link.get("uid"),
                "token", link.get("token"), "new_password", RESET_PASSWORD)).build()));
    }

    /** The query of the link in the latest e-mail to {@code address}, e.g. uid and token. */
    private static Map<String, String> mailedLink(String address) {
        List<LocalMail.Message> received = LocalMail.shared().sentTo(address);
        assertFalse(received.isEmpty(), "no e-mail to " + address);
        return received.get(received.size() - 1).linkParameters();
    }

    /** The stack's table names and secret id → the template's logical ids. */
    private Function<String, String> logicalIds() {
        Map<String, String> byName = Map.of(
                deployment.resourceName("UsersTable"), "UsersTable",
                deployment.resourceName("RevokedTokensTable"), "RevokedTokensTable",
                deployment.resourceName("SigningKeySecret"), "SigningKeySecret",
                deployment.resourceName("SigningPublicKeySecret"), "SigningPublicKeySecret");
        return name -> {
            String logicalId = byName.get(name);
            if (logicalId == null) {
                throw new AssertionError("a call to " + name + ", which is no resource of the template");
            }
            return logicalId;
        };
    }
}
