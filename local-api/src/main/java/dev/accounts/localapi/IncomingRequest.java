package dev.accounts.localapi;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it reached the local server, before it becomes an API Gateway event: kept free of the
 * JDK server's types so the mapping can be tested on its own.
 *
 * @param headers header names as received (any case) to their values in order
 */
record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                       byte[] body, String sourceIp, String protocol, int localPort) {
}
