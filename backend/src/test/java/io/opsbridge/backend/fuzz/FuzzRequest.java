package io.opsbridge.backend.fuzz;

/**
 * One generated request, described so a failure can be replayed by hand.
 *
 * @param target path and query, already percent-encoded
 * @param contentType {@code null} sends none
 * @param body {@code null} sends no body
 */
record FuzzRequest(int number, String method, String target, String contentType, String accept, byte[] body,
        boolean authenticated, String mutation) {

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
                + (body == null ? "" : " body: " + shownBody);
    }
}
