package io.opsbridge.backend.fuzz;

/**
 * One generated request, described so a failure can be replayed by hand.
 *
 * @param target path and query, already percent-encoded
 * @param contentType {@code null} sends none
 * @param body {@code null} sends no body
 */
record FuzzRequest(int number, String method, String target, String contentType, String accept, byte[] body,
        java.util.Map<String, String> headers, boolean authenticated, String mutation) {

    /** Whether this is a request-body example, as it is or changed in one field, rather than a hostile request. */
    boolean fromExample() {
        return mutation.startsWith("example");
    }

    private String shortHeaders() {
        StringBuilder shown = new StringBuilder();
        headers.forEach((name, value) -> shown.append(name).append(": ")
                .append(value.length() > 60 ? value.substring(0, 60) + "...(" + value.length() + " chars)" : value)
                .append("; "));
        return shown.toString();
    }

    @Override
    public String toString() {
        String shownBody = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
        if (shownBody.length() > 200) {
            shownBody = shownBody.substring(0, 200) + "...(" + body.length + " bytes)";
        }
        String shownTarget = target.length() > 300 ? target.substring(0, 300) + "..." : target;
        return "#" + number + " " + method + " " + shownTarget + " [" + mutation + "]"
                + (authenticated ? " as admin" : " without token")
                + (contentType == null ? "" : " Content-Type: " + contentType)
                + (accept == null ? "" : " Accept: " + accept)
                + (headers.isEmpty() ? "" : " headers: " + shortHeaders())
                + (body == null ? "" : " body: " + shownBody);
    }
}
