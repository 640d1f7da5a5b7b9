package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.accounts.core.token.SigningKeySet;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KeySetGenerator custom resource of template.yaml, run with Node.js as Lambda runs it, its AWS SDK replaced
 * by a stub and CloudFormation's response URL by a local server. On the first deploy it must fill the empty
 * secret with a key set in the format the functions read; it must never replace keys it finds, and it must
 * always answer CloudFormation, which otherwise waits for the resource to time out.
 */
class KeySetGeneratorTest {

    private static final Template TEMPLATE = Template.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:SigningKeySecret-Ab12Cd";
    private static final String PUBLIC_SECRET_ARN =
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:SigningPublicKeySecret-Ef34Gh";
    private static final String RUN_HANDLER = "require('./index.js').handler(JSON.parse(process.env.EVENT))"
            + ".then(() => process.exit(0), (e) => { console.error(e); process.exit(1); })";
    private static Path node;

    @TempDir
    Path work;
    private HttpServer cloudFormation;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private Path secretFile;
    private Path publicSecretFile;
    private Path callsFile;

    @BeforeAll
    static void findNode() {
        node = TemplateLintTest.onPath("node").orElse(null);
        Assumptions.assumeTrue(node != null, "node is not on PATH, so the template's KeySetGenerator code is not run");
    }

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(work.resolve("index.js"),
                TEMPLATE.resource("KeySetGenerator").path("Properties").path("Code").path("ZipFile").asText());
        Path sdk = Files.createDirectories(work.resolve("node_modules/@aws-sdk/client-secrets-manager"));
        try (InputStream stub = getClass().getResourceAsStream("/key-set-generator/client-secrets-manager.js")) {
            Files.write(sdk.resolve("index.js"), stub.readAllBytes());
        }
        secretFile = work.resolve("secret.json");
        callsFile = work.resolve("calls.txt");
        Files.writeString(secretFile, TEMPLATE.resource("SigningKeySecret").path("Properties").path("SecretString").asText());
        publicSecretFile = work.resolve("public-secret.json");
        Files.writeString(publicSecretFile,
                TEMPLATE.resource("SigningPublicKeySecret").path("Properties").path("SecretString").asText());
        Files.writeString(callsFile, "");

        cloudFormation = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cloudFormation.createContext("/", exchange -> {
            answers.add(new Answer(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cloudFormation.start();
    }

    @AfterEach
    void stopServer() {
        cloudFormation.stop(0);
    }

    @Test
    void theFirstDeployFillsTheEmptySecretWithAUsableP256KeySet() throws Exception {
        String output = run(event("Create", null), Map.of());

        JsonNode keySet = JSON.readTree(Files.readString(secretFile));
        assertEquals(1, keySet.path("keys").size(), keySet.toString().replaceAll("\"d\":\"[^\"]*\"", "\"d\":\"…\""));
        JsonNode key = keySet.path("keys").path(0);
        assertEquals(Set.of("kty", "crv", "kid", "x", "y", "d"), names(key));
        assertEquals("EC", key.path("kty").asText());
        assertEquals("P-256", key.path("crv").asText());
        assertEquals(keySet.path("current").asText(), key.path("kid").asText(), "the current key is the one key");
        assertEquals(rfc7638Thumbprint(key), key.path("kid").asText(), "kid is the key's RFC 7638 thumbprint");
        assertPrivateKeyMatchesPublicKey(key);

        Answer answer = onlyAnswer();
        JsonNode body = answer.json();
        assertEquals("SUCCESS", body.path("Status").asText(), answer.body());
        assertEquals("req-Create", body.path("RequestId").asText());
        assertEquals("SigningKeySet", body.path("LogicalResourceId").asText());
        assertEquals(stackId(), body.path("StackId").asText());
        assertFalse(body.path("PhysicalResourceId").asText("").isBlank(), "PhysicalResourceId");
        assertEquals("PUT", answer.method());
        // the pre-signed response URL admits no Content-Type but the empty one it was signed with
        assertTrue(answer.contentType() == null || answer.contentType().isEmpty(), "Content-Type " + answer.contentType());
        String privateKey = key.path("d").asText();
        assertFalse(answer.body().contains(privateKey), "the private key went to CloudFormation");
        assertFalse(output.contains(privateKey), "the private key was logged");
        assertPublicSecretIsThePublicHalfOf(keySet);
    }

    @Test
    void aLaterDeployRewritesAPublicSetThatIsOutOfStepAndNothingElse() throws Exception {
        run(event("Create", null), Map.of());
        String keySet = Files.readString(secretFile);
        Files.writeString(publicSecretFile, "{\"current\":\"\",\"keys\":[]}");
        answers.clear();

        run(event("Update", "SigningKeySet-req-1"), Map.of());

        assertEquals(keySet, Files.readString(secretFile), "the private set is kept");
        assertPublicSecretIsThePublicHalfOf(JSON.readTree(keySet));
        assertEquals("SUCCESS", onlyAnswer().json().path("Status").asText());
    }

    /** The public secret: the same current kid and keys without their private parts (what verify-only functions read). */
    private void assertPublicSecretIsThePublicHalfOf(JsonNode keySet) throws IOException {
        JsonNode published = JSON.readTree(Files.readString(publicSecretFile));
        assertEquals(keySet.path("current"), published.path("current"));
        assertEquals(keySet.path("keys").size(), published.path("keys").size());
        for (int i = 0; i < keySet.path("keys").size(); i++) {
            ObjectNode expected = (ObjectNode) keySet.path("keys").path(i).deepCopy();
            expected.remove("d");
            assertEquals(expected, published.path("keys").path(i));
        }
        assertFalse(SigningKeySet.fromSecretJson(published.toString()).canSign(), "the functions read it as a public set");
    }

    @Test
    void aLaterDeployKeepsTheKeysItFinds() throws Exception {
        run(event("Create", null), Map.of());
        String firstKeySet = Files.readString(secretFile);
        String firstId = onlyAnswer().json().path("PhysicalResourceId").asText();
        answers.clear();
        Files.writeString(callsFile, "");

        run(event("Update", firstId), Map.of());

        assertEquals(firstKeySet, Files.readString(secretFile));
        assertEquals(List.of("GetSecretValueCommand " + SECRET_ARN, "GetSecretValueCommand " + PUBLIC_SECRET_ARN),
                Files.readAllLines(callsFile), "reads both, writes neither: the public set is in step");
        JsonNode body = onlyAnswer().json();
        assertEquals("SUCCESS", body.path("Status").asText());
        assertEquals(firstId, body.path("PhysicalResourceId").asText(), "an unchanged id: CloudFormation sees no replacement");
    }

    /** The failed-login counters' HMAC key: 32 random bytes that SigningKeySet reads, never sent or logged. */
    @Test
    void theFirstDeployAlsoWritesALoginKey() throws Exception {
        String output = run(event("Create", null), Map.of());

        JsonNode keySet = JSON.readTree(Files.readString(secretFile));
        String loginKey = keySet.path("login_key").asText();
        assertEquals(32, java.util.Base64.getUrlDecoder().decode(loginKey).length);
        assertEquals(loginKey, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                dev.accounts.core.token.SigningKeySet.fromSecretJson(keySet.toString()).loginKey()));
        assertFalse(onlyAnswer().body().contains(loginKey), "the login key went to CloudFormation");
        assertFalse(output.contains(loginKey), "the login key was logged");
    }

    /** A stack deployed before login keys existed: the deploy adds one and leaves the signing keys as they were. */
    @Test
    void aKeySetWithoutALoginKeyGetsOneAndKeepsItsKeys() throws Exception {
        run(event("Create", null), Map.of());
        ObjectNode old = (ObjectNode) JSON.readTree(Files.readString(secretFile));
        old.remove("login_key");
        Files.writeString(secretFile, JSON.writeValueAsString(old));
        String id = onlyAnswer().json().path("PhysicalResourceId").asText();
        answers.clear();

        run(event("Update", id), Map.of());

        JsonNode updated = JSON.readTree(Files.readString(secretFile));
        assertEquals(old.path("keys"), updated.path("keys"));
        assertEquals(old.path("current"), updated.path("current"));
        assertEquals(32, java.util.Base64.getUrlDecoder().decode(updated.path("login_key").asText()).length);
        assertEquals("SUCCESS", onlyAnswer().json().path("Status").asText());
    }

    @Test
    void deletingTheStackLeavesTheSecretToCloudFormation() throws Exception {
        String before = Files.readString(secretFile);

        run(event("Delete", "SigningKeySet-req-1"), Map.of());

        assertEquals(before, Files.readString(secretFile));
        assertEquals(List.of(), Files.readAllLines(callsFile), "no Secrets Manager call on delete");
        JsonNode body = onlyAnswer().json();
        assertEquals("SUCCESS", body.path("Status").asText());
        assertEquals("SigningKeySet-req-1", body.path("PhysicalResourceId").asText());
    }

    @Test
    void aSecretsManagerFailureFailsTheDeployAndWritesNothing() throws Exception {
        String before = Files.readString(secretFile);
        String publicBefore = Files.readString(publicSecretFile);

        run(event("Create", null), Map.of("STUB_FAILURE", "AccessDeniedException"));

        assertEquals(before, Files.readString(secretFile));
        assertEquals(publicBefore, Files.readString(publicSecretFile));
        JsonNode body = onlyAnswer().json();
        assertEquals("FAILED", body.path("Status").asText());
        assertTrue(body.path("Reason").asText().contains("AccessDeniedException"), body.path("Reason").asText());
    }

    /** Runs the handler once; returns what it printed. */
    private String run(ObjectNode event, Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        Path output = work.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(node.toString(), "-e", RUN_HANDLER)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("EVENT", JSON.writeValueAsString(event));
        builder.environment().put("STUB_SECRET_FILES", JSON.writeValueAsString(Map.of(
                SECRET_ARN, secretFile.toString(), PUBLIC_SECRET_ARN, publicSecretFile.toString())));
        builder.environment().put("STUB_CALLS_FILE", callsFile.toString());
        builder.environment().putAll(extraEnvironment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the key set generator did not finish within 60 s");
        }
        String printed = Files.readString(output);
        assertEquals(0, process.exitValue(), printed);
        return printed;
    }

    private ObjectNode event(String requestType, String physicalResourceId) {
        ObjectNode event = JSON.createObjectNode()
                .put("RequestType", requestType)
                .put("ResponseURL", "http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/response?signed")
                .put("StackId", stackId())
                .put("RequestId", "req-" + requestType)
                .put("LogicalResourceId", "SigningKeySet")
                .put("ResourceType", "Custom::SigningKeySet");
        if (physicalResourceId != null) {
            event.put("PhysicalResourceId", physicalResourceId);
        }
        event.putObject("ResourceProperties")
                .put("ServiceToken", "arn:aws:lambda:eu-west-1:123456789012:function:accounts-KeySetGenerator")
                .put("SecretId", SECRET_ARN)
                .put("PublicSecretId", PUBLIC_SECRET_ARN);
        return event;
    }

    private static String stackId() {
        return "arn:aws:cloudformation:eu-west-1:123456789012:stack/accounts/6f1c0a30-cd11-11f0-8b5e-0a1b2c3d4e5f";
    }

    private Answer onlyAnswer() {
        assertEquals(1, answers.size(), "answers to CloudFormation: " + answers);
        return answers.getFirst();
    }

    private static String rfc7638Thumbprint(JsonNode key) throws Exception {
        String canonical = "{\"crv\":\"" + key.path("crv").asText() + "\",\"kty\":\"" + key.path("kty").asText()
                + "\",\"x\":\"" + key.path("x").asText() + "\",\"y\":\"" + key.path("y").asText() + "\"}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static void assertPrivateKeyMatchesPublicKey(JsonNode key) throws Exception {
        byte[] x = base64Url(key, "x");
        byte[] y = base64Url(key, "y");
        byte[] d = base64Url(key, "d");
        assertArrayEquals(new int[] {32, 32, 32}, new int[] {x.length, y.length, d.length}, "P-256 coordinate sizes");
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        KeyFactory factory = KeyFactory.getInstance("EC");
        PrivateKey privateKey = factory.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), curve));
        PublicKey publicKey = factory.generatePublic(
                new ECPublicKeySpec(new ECPoint(new BigInteger(1, x), new BigInteger(1, y)), curve));
        byte[] message = "signed with the generated key".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertTrue(verifier.verify(signature), "d is the private half of (x, y)");
    }

    private static byte[] base64Url(JsonNode key, String member) {
        String value = key.path(member).asText();
        assertFalse(value.contains("=") || value.contains("+") || value.contains("/"), member + " must be unpadded base64url");
        return Base64.getUrlDecoder().decode(value);
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private record Answer(String method, String contentType, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }
}
