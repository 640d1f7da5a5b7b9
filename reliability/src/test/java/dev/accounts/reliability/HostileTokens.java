package dev.accounts.reliability;

import dev.accounts.core.testing.Jwt;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Bearer and refresh tokens a hostile client sends: garbage, tokens of the service altered (a flipped character,
 * no signature, `alg: none`, HS256 signed with a guessed secret, claims swapped under the old signature), and
 * headers that attack the parser (deep nesting, compression, `crit`, unencoded payloads, embedded keys).
 */
final class HostileTokens {
    private final Random random;
    private final HostileText text;
    /** Genuine tokens of the service: access and refresh, of live and deleted accounts. */
    private final List<String> genuine;

    HostileTokens(Random random, HostileText text, List<String> genuine) {
        this.random = random;
        this.text = text;
        this.genuine = genuine;
    }

    String next() {
        String real = genuine.get(random.nextInt(genuine.size()));
        String[] parts = real.split("\\.");
        String kid = Jwt.header(real).path("kid").asText();
        return switch (random.nextInt(20)) {
            case 0 -> "";
            case 1 -> text.next();
            case 2 -> "eyJ" + base64Url(random.nextInt(200));
            case 3 -> base64Url(20) + "." + base64Url(60) + "." + base64Url(86);
            case 4 -> flipOneCharacter(real);
            case 5 -> parts[0] + "." + parts[1] + ".";
            case 6 -> Jwt.withAlgNone(real);
            case 7 -> Jwt.resignedHs256(real, text.asciiPrintable(32).getBytes(StandardCharsets.UTF_8));
            case 8 -> Jwt.encode("[".repeat(3000) + "]".repeat(3000)) + "." + parts[1] + "." + parts[2];
            case 9 -> Jwt.encode("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"zip\":\"DEF\"}") + "." + parts[1] + "." + parts[2];
            case 10 -> Jwt.encode("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"crit\":[\"b64\"],\"b64\":false}")
                    + "." + "{\"user_id\":\"x\"}" + "." + parts[2];
            case 11 -> Jwt.encode("{\"alg\":\"ES256\",\"kid\":\"" + "k".repeat(10_000) + "\"}") + "." + parts[1] + "." + parts[2];
            case 12 -> Jwt.encode("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"jku\":\"http://127.0.0.1:1/keys\","
                    + "\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}}") + "." + parts[1] + "." + parts[2];
            case 13 -> base64Url(30) + "." + base64Url(40) + "." + base64Url(10) + "." + base64Url(40) + "." + base64Url(16);
            case 14 -> real.substring(0, real.length() / 2) + " \n" + real.substring(real.length() / 2);
            case 15 -> real + "." + real;
            case 16 -> Jwt.withClaims(real, "{\"token_type\":\"refresh\",\"user_id\":\"" + text.asciiPrintable(8)
                    + "\",\"exp\":99999999999,\"iat\":0,\"jti\":\"x\",\"fam\":\"y\",\"sub\":\"z\",\"iss\":\"https://evil\"}");
            case 17 -> "eyJ\u2603." + "eyJ\u0000." + text.randomCodeUnits(10);
            case 18 -> base64Url(12_000);
            default -> real;
        };
    }

    private String flipOneCharacter(String token) {
        char[] chars = token.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private String base64Url(int bytes) {
        byte[] data = new byte[bytes];
        random.nextBytes(data);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }
}
