package io.opsbridge.server.operations;

/**
 * {@code If-None-Match} as RFC 9110 (section 13.1.2) reads it: {@code *}, or a list of entity tags
 * ({@code "1", W/"5"}) compared weakly (a {@code W/} prefix does not matter). Our tags are operation
 * versions; a bare number ({@code 5}) is taken too, as earlier clients sent it.
 */
final class EntityTags {

    private EntityTags() {
    }

    /** Whether the client has {@code version} already: {@code *} or any tag in the list names it. */
    static boolean anyMatches(String ifNoneMatch, long version) {
        if (ifNoneMatch == null) {
            return false;
        }
        if ("*".equals(ifNoneMatch.trim())) {
            return true;
        }
        for (String member : ifNoneMatch.split(",")) {
            Long tagged = versionOf(member);
            if (tagged != null && tagged == version) {
                return true;
            }
        }
        return false;
    }

    /** The newest version the list names (what a long-poll waits past); null if it names none. */
    static Long newestVersion(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return null;
        }
        Long newest = null;
        for (String member : ifNoneMatch.split(",")) {
            Long tagged = versionOf(member);
            if (tagged != null && (newest == null || tagged > newest)) {
                newest = tagged;
            }
        }
        return newest;
    }

    /** The version of one entity tag ({@code "5"}, {@code W/"5"}, {@code 5}); null if it is not one of ours. */
    private static Long versionOf(String member) {
        String tag = member.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (tag.isEmpty() || tag.length() > 18) {
            return null;
        }
        for (int i = 0; i < tag.length(); i++) {
            if (tag.charAt(i) < '0' || tag.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(tag);
    }
}
