package io.opsbridge.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * The admin endpoints ({@code /api/v1/admin/...}): runtime settings, replicas, worker hosts, API
 * tokens and the audit log. They need a token with the admin role; the server answers 401/403
 * otherwise, which the CLI prints with the {@code opsbridge login} to fix it.
 */
public final class AdminClient {

    private final HttpCalls http;

    AdminClient(HttpCalls http) {
        this.http = http;
    }

    /** {@code GET /api/v1/admin/settings}: the runtime settings in force and the last rejected reload. */
    public JsonNode settings() {
        return get("/api/v1/admin/settings");
    }

    /** {@code POST /api/v1/admin/settings/reload[?dry_run=true]}: the outcome, versions, diff and errors. */
    public JsonNode reloadSettings(boolean dryRun) {
        return http.call(http.request("/api/v1/admin/settings/reload" + (dryRun ? "?dry_run=true" : ""))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), JsonNode.class);
    }

    /** {@code GET /api/v1/admin/settings/history?limit=n}: the last reloads, newest first, and their stats. */
    public JsonNode settingsHistory(int limit) {
        return get("/api/v1/admin/settings/history?limit=" + limit);
    }

    /** {@code GET /api/v1/admin/replicas}: every replica, what it serves, and the laggards. */
    public JsonNode replicas() {
        return get("/api/v1/admin/replicas");
    }

    /** {@code POST /api/v1/admin/tokens}: the new token, with its secret this once. */
    public JsonNode createToken(String name, String role) {
        return http.call(http.post("/api/v1/admin/tokens", Map.of("name", name, "role", role)).build(), JsonNode.class);
    }

    /** {@code GET /api/v1/admin/tokens}: ids, names, roles; never a secret. */
    public JsonNode tokens() {
        return get("/api/v1/admin/tokens");
    }

    /** {@code DELETE /api/v1/admin/tokens/{id}}. */
    public JsonNode revokeToken(String id) {
        return http.call(http.request("/api/v1/admin/tokens/" + OpsBridgeClient.encode(id)).DELETE().build(),
                JsonNode.class);
    }

    /** {@code GET /api/v1/admin/audit?...}: the query already encoded, e.g. {@code ?limit=100&actor=token%3Aabc}. */
    public JsonNode audit(String query) {
        return get("/api/v1/admin/audit" + query);
    }

    private JsonNode get(String path) {
        return http.call(http.request(path).GET().build(), JsonNode.class);
    }
}
