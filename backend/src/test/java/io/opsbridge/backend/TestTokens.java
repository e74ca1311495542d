package io.opsbridge.backend;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The test profile's admin token ({@code %test.opsbridge.security.admin-token}): how tests call admin endpoints. */
public final class TestTokens {

    public static final String ADMIN = "test-admin-token-0123456789abcdef";

    private TestTokens() {
    }

    /** {@code given()} with the admin's bearer token. */
    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(ADMIN);
    }
}
