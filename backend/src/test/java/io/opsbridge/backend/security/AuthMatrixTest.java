package io.opsbridge.backend.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.opsbridge.backend.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint x {no token, viewer, operator, admin} on the embedded default
 * ({@code require-auth-for=none}): reads and starts are open, admin calls are 401 without a token
 * and 403 with a lesser role. Each call is sent so that, once past security, it fails as cheaply
 * as possible (400/404), so the matrix checks who gets past, not what the call does.
 */
@QuarkusTest
class AuthMatrixTest {

    enum Caller { NONE, VIEWER, OPERATOR, ADMIN }

    /** method, path, body, least role; "open" calls are allowed without a token in this profile. */
    record Call(String method, String path, String body, Caller least) {
    }

    static final List<Call> CALLS = List.of(
            new Call("GET", "/api/v1/operations", null, Caller.NONE),
            new Call("GET", "/api/v1/operations/op_nope", null, Caller.NONE),
            new Call("GET", "/api/v1/operations/op_nope/metrics", null, Caller.NONE),
            new Call("GET", "/api/v1/operations/op_nope/results", null, Caller.NONE),
            new Call("POST", "/api/v1/operations/op_nope/cancel", null, Caller.NONE),
            new Call("POST", "/api/v1/trainings", "{\"symbols\":[]}", Caller.NONE),
            new Call("POST", "/api/v1/data/loads", "{\"symbols\":[]}", Caller.NONE),
            new Call("POST", "/api/v1/backtests", "{\"symbols\":[]}", Caller.NONE), // the test source set's example
            new Call("POST", "/api/v1/signals/generate", "{\"symbols\":[]}", Caller.NONE),
            new Call("GET", "/api/v1/models", null, Caller.NONE),
            new Call("GET", "/api/v1/models/nope/v1", null, Caller.NONE),
            new Call("GET", "/api/v1/model/info", null, Caller.NONE),
            new Call("POST", "/api/v1/models/nope/v1/activate", null, Caller.ADMIN),
            new Call("POST", "/api/v1/model/reload?strategy=Bad!", null, Caller.ADMIN),
            new Call("POST", "/api/v1/admin/retention?older_than=soon", null, Caller.ADMIN),
            new Call("GET", "/api/v1/admin/tokens", null, Caller.ADMIN),
            new Call("POST", "/api/v1/admin/tokens", "{\"name\":\"\"}", Caller.ADMIN),
            new Call("DELETE", "/api/v1/admin/tokens/nope", null, Caller.ADMIN),
            new Call("GET", "/api/v1/admin/audit?limit=1", null, Caller.ADMIN),
            new Call("GET", "/api/v1/admin/settings", null, Caller.ADMIN),
            new Call("POST", "/api/v1/admin/settings/reload?dry_run=maybe", null, Caller.ADMIN),
            new Call("GET", "/api/v1/admin/settings/history?limit=1", null, Caller.ADMIN));

    /** Every operation of the OpenAPI document under /api/v1/admin, so an admin resource added later is covered too. */
    @Test
    void everyAdminOperationInTheOpenApiDocumentRefusesNoTokenAndALesserRole() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> checked = new java.util.ArrayList<>();
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/v1/admin")) {
                return;
            }
            String concrete = path.replaceAll("\\{[^}]+}", "nope");
            for (String method : operations.keySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    continue;
                }
                // a JSON body for the methods that take one: media type checks come before security (415)
                String body = List.of("post", "put", "patch").contains(method) ? "{}" : null;
                Call call = new Call(method.toUpperCase(java.util.Locale.ROOT), concrete, body, Caller.ADMIN);
                assertThat(send(Caller.NONE, call)).as("no token " + method + " " + path).isEqualTo(401);
                assertThat(send(Caller.VIEWER, call)).as("viewer " + method + " " + path).isEqualTo(403);
                assertThat(send(Caller.OPERATOR, call)).as("operator " + method + " " + path).isEqualTo(403);
                checked.add(method + " " + path);
            }
        });
        assertThat(checked).contains("get /api/v1/admin/settings", "post /api/v1/admin/settings/reload",
                "get /api/v1/admin/settings/history", "get /api/v1/admin/audit", "post /api/v1/admin/retention",
                "get /api/v1/admin/tokens", "post /api/v1/admin/tokens", "delete /api/v1/admin/tokens/{id}");
    }

    private final Map<Caller, String> tokens = new java.util.EnumMap<>(Caller.class);

    /** A token per role, created through the admin API on first use. */
    private String token(Caller caller) {
        return tokens.computeIfAbsent(caller, c -> c == Caller.ADMIN ? TestTokens.ADMIN : create(c.name().toLowerCase()));
    }

    @Test
    void everyEndpointAnswersEveryCallerAsItsRoleAllows() {
        for (Call call : CALLS) {
            for (Caller caller : Caller.values()) {
                int status = send(caller, call);
                String what = caller + " " + call.method() + " " + call.path();
                if (caller.ordinal() >= call.least().ordinal()) {
                    assertThat(status).as(what).isNotIn(401, 403).isLessThan(500);
                } else {
                    assertThat(status).as(what).isEqualTo(caller == Caller.NONE ? 401 : 403);
                }
            }
        }
    }

    @Test
    void aRefusalIsProblemJsonAndA401SaysHowToAuthenticate() {
        given().post("/api/v1/admin/retention").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"opsbridge\"").body("status", equalTo(401));
        given().auth().oauth2(token(Caller.OPERATOR)).post("/api/v1/admin/retention").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2("obt_aaaaaaaaaaaa_" + "x".repeat(43)).get("/api/v1/operations").then().statusCode(401)
                .contentType("application/problem+json");
        // the read of one operation decides an anonymous caller without authenticating it; a token is still checked
        given().auth().oauth2("obt_aaaaaaaaaaaa_" + "x".repeat(43)).get("/api/v1/operations/op_nope").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"opsbridge\"");
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndTheListNeverShowsSecrets() {
        String token = create("admin");
        String id = token.split("_")[1];
        given().auth().oauth2(token).get("/api/v1/admin/tokens").then().statusCode(200);
        String listing = TestTokens.asAdmin().get("/api/v1/admin/tokens").asString();
        assertThat(listing).contains(id).doesNotContain(token.substring(token.lastIndexOf('_') + 1));
        TestTokens.asAdmin().delete("/api/v1/admin/tokens/{id}", id).then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/admin/tokens").then().statusCode(401);
    }

    private static String create(String role) {
        return TestTokens.asAdmin().contentType("application/json").body(Map.of("name", "matrix " + role, "role", role))
                .post("/api/v1/admin/tokens").then().statusCode(201).extract().path("secret");
    }

    private int send(Caller caller, Call call) {
        RequestSpecification request = caller == Caller.NONE ? given() : given().auth().oauth2(token(caller));
        if (call.body() != null) {
            request = request.contentType("application/json").body(call.body());
        }
        return request.request(call.method(), call.path()).statusCode();
    }
}
