package dev.accounts.core.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accounts.core.contract.ApiException;
import dev.accounts.core.contract.Errors;
import dev.accounts.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads a request body as DRF's JSONParser would: media type, size, UTF-8, JSON, then "a dictionary". */
public final class JsonBody {
    private JsonBody() {}

    public static ObjectNode of(ApiRequest request) {
        byte[] bytes = request.bodyBytes();
        if (bytes.length > ApiRequest.MAX_BODY_BYTES) {
            throw Errors.bodyTooLarge();
        }
        if (bytes.length == 0) {
            // DRF hands an empty body to the serializer as no data: each required field is then reported.
            return Json.MAPPER.createObjectNode();
        }
        String contentType = request.header("content-type").orElse("");
        if (!isJson(contentType)) {
            throw Errors.unsupportedMediaType(mediaType(contentType));
        }
        JsonNode node;
        try {
            node = Json.parse(decodeUtf8(bytes));
        } catch (JsonProcessingException e) {
            throw Errors.parseError(reason(e));
        }
        if (node == null || node.isMissingNode()) {
            return Json.MAPPER.createObjectNode();
        }
        if (!node.isObject()) {
            throw Errors.notAnObject(pythonTypeName(node));
        }
        return (ObjectNode) node;
    }

    /**
     * Says where, never what: the parser's own syntax messages quote what was sent ({@code Unrecognized token
     * 'hunter2'}), and a password typed without quotes must not come back in an answer or a log. Its limit and
     * databind checks (nesting depth, trailing data, duplicate keys) quote Jackson's class and feature names.
     */
    private static String reason(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "the document is nested too deeply or holds a value too long";
        }
        if (e instanceof JsonParseException) {
            return where(e.getLocation());
        }
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Duplicate field")
                ? "a field appears more than once"
                : "extra data after the JSON value";
    }

    /** In Python's json words ("line 1 column 14 (char 13)"), which DRF's own parse errors end with. */
    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return "Invalid JSON";
        }
        String where = "Invalid JSON: line " + at.getLineNr() + " column " + at.getColumnNr();
        return at.getCharOffset() < 0 ? where : where + " (char " + at.getCharOffset() + ")";
    }

    private static boolean isJson(String contentType) {
        String type = mediaType(contentType).toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Errors.parseError("the body is not valid UTF-8");
        }
    }

    /** DRF words its message with Python's type names. */
    private static String pythonTypeName(JsonNode node) {
        if (node.isArray()) {
            return "list";
        }
        if (node.isTextual()) {
            return "str";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isIntegralNumber()) {
            return "int";
        }
        if (node.isNumber()) {
            return "float";
        }
        return "NoneType";
    }
}
