package io.opsbridge.server.security;

import io.quarkus.arc.DefaultBean;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens in memory: for hosts and tests without a database; nothing survives a restart. */
@DefaultBean
@Singleton
public class InMemoryApiTokenStore implements ApiTokenStore {

    private final Map<String, Stored> tokens = new ConcurrentHashMap<>();

    @Override
    public void insert(ApiToken token, String secretHash) {
        tokens.put(token.id(), new Stored(token, secretHash));
    }

    @Override
    public Optional<Stored> findActive(String id) {
        return Optional.ofNullable(tokens.get(id)).filter(s -> s.token().isActive());
    }

    @Override
    public List<ApiToken> list() {
        return tokens.values().stream().map(Stored::token).sorted(Comparator.comparing(ApiToken::createdAt)).toList();
    }

    @Override
    public boolean revoke(String id, Instant at) {
        Stored current = tokens.get(id);
        if (current == null || !current.token().isActive()) {
            return false;
        }
        ApiToken t = current.token();
        return tokens.replace(id, current, new Stored(new ApiToken(t.id(), t.name(), t.role(), t.createdAt(), at),
                current.secretHash()));
    }

    @Override
    public boolean hasActiveAdmin() {
        return tokens.values().stream().anyMatch(s -> s.token().isActive() && Roles.ADMIN.equals(s.token().role()));
    }

    @Override
    public boolean isDurable() {
        return false;
    }
}
