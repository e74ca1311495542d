package io.opsbridge.server.problem;

import io.opsbridge.server.security.AuthChallenges;
import io.quarkus.security.AuthenticationFailedException;

/**
 * The 401 and 403 answers, the same whether a resource refused the caller ({@link ProblemMappers}) or an HTTP
 * permission did before any resource ran ({@link HttpLayerProblems}, e.g. {@code /q/metrics} under
 * {@code require-auth-for=all}).
 */
final class AuthProblems {

    private AuthProblems() {
    }

    /** 401 with a {@code WWW-Authenticate} challenge per accepted scheme; {@code failure} says whether one was sent. */
    static ProblemAnswer unauthenticated(Throwable failure, AuthChallenges challenges) {
        String detail = failure instanceof AuthenticationFailedException
                ? (challenges.basicAccepted() ? "the bearer token or the user name and password are not valid"
                        : "the bearer token is unknown or revoked")
                : (challenges.basicAccepted() ? "this call needs a bearer token or a user name and password"
                        : "this call needs a bearer token (Authorization: Bearer obt_...)");
        ProblemAnswer answer = ProblemAnswer.of(401, "unauthorized", "Authentication required").detail(detail);
        challenges.headerValues().forEach(challenge -> answer.header("WWW-Authenticate", challenge));
        return answer;
    }

    /** 403: a known caller whose role is too low. */
    static ProblemAnswer forbidden() {
        return ProblemAnswer.of(403, "forbidden", "Not allowed").detail("this call needs a token with a higher role");
    }
}
