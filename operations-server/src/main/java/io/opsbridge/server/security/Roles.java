package io.opsbridge.server.security;

import java.util.List;
import java.util.Set;

/**
 * The three roles, each including the ones below it: {@code viewer} reads, {@code operator} also
 * starts and cancels work, {@code admin} also activates and reloads models, applies retention and
 * manages tokens. Resources name the least role they need in {@code @RolesAllowed}.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";

    /** Lowest first. */
    public static final List<String> ALL = List.of(VIEWER, OPERATOR, ADMIN);

    private Roles() {
    }

    /** {@code false} for {@code null} too (List.of's contains throws on it: a JSON {@code "role": null} was a 500). */
    public static boolean isRole(String role) {
        return role != null && ALL.contains(role);
    }

    /** The role and every role below it: {@code implied("operator")} is {@code [viewer, operator]}. */
    public static Set<String> implied(String role) {
        int rank = role == null ? -1 : ALL.indexOf(role);
        return rank < 0 ? Set.of() : Set.copyOf(ALL.subList(0, rank + 1));
    }
}
