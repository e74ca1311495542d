-- Bearer API tokens (issue 13): the secret is never stored, only its SHA-256 (hex).
CREATE TABLE api_tokens (
    token_id    VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(128) NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    secret_hash VARCHAR(64)  NOT NULL
);
CREATE INDEX api_tokens_role_idx ON api_tokens (role, revoked_at);
