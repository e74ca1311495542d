package io.opsbridge.backend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Problem details that say what is wrong in HTTP's and JSON's terms, never the framework's (RFC 9457). */
@QuarkusTest
class ProblemDetailsTest {

    @Test
    void aWrongTypeIsAnInvalidFieldNamingTheFieldAndTheType() {
        problem(start("{\"symbols\":[\"AAPL\"],\"epochs\":\"ten\"}"), 400, "invalid-field", "Invalid field")
                .body("field", equalTo("epochs")).body("detail", equalTo("field 'epochs' must be a number"));
        problem(start("{\"symbols\":\"AAPL\",\"epochs\":1}"), 400, "invalid-field", "Invalid field")
                .body("field", equalTo("symbols")).body("detail", containsString("an array"));
        problem(start("{\"symbols\":[\"AAPL\", 7],\"epochs\":1}"), 400, "invalid-field", "Invalid field")
                .body("field", equalTo("symbols")).body("detail", equalTo("field 'symbols[1]' must be a string"));
    }

    @Test
    void anUnknownFieldIsAnInvalidFieldNamingIt() {
        problem(start("{\"symbols\":[\"AAPL\"],\"epochs\":1,\"colour\":\"red\"}"), 400, "invalid-field", "Invalid field")
                .body("field", equalTo("colour")).body("detail", equalTo("unknown field 'colour'"));
    }

    @Test
    void onlyJsonThatIsNotJsonIsMalformed() {
        problem(start("{\"symbols\": [\"AAPL\""), 400, "malformed-json", "Malformed JSON");
        problem(start("{\"symbols\": [\"AAPL\"], }"), 400, "malformed-json", "Malformed JSON");
    }

    @Test
    void notAcceptableNamesTheMediaTypes() {
        problem(given().accept("text/html").get("/api/v1/operations/nope"), 406, "http-406", "Not acceptable")
                .body("detail", allOf(containsString("text/html"), containsString("application/json"),
                        not(containsString("@Produces"))));
    }

    @Test
    void unsupportedMediaTypeNamesTheMediaTypes() {
        problem(given().contentType("text/plain").body("AAPL").post("/api/v1/trainings"), 415, "http-415",
                "Unsupported media type").body("detail", allOf(containsString("text/plain"),
                        containsString("application/json"), not(containsString("@Consumes"))));
    }

    @Test
    void methodNotAllowedSaysWhatIsAllowed() {
        problem(given().delete("/api/v1/operations/nope"), 405, "http-405", "Method not allowed")
                .header("Allow", "GET, HEAD, OPTIONS").body("detail", containsString("DELETE"));
        problem(given().get("/api/v1/trainings"), 405, "http-405", "Method not allowed")
                .header("Allow", "OPTIONS, POST");
        // Served by another resource class than the operation's GET: the framework alone answers 404 here.
        problem(given().get("/api/v1/operations/nope/cancel"), 405, "http-405", "Method not allowed")
                .header("Allow", "OPTIONS, POST").body("detail", containsString("GET"));
    }

    @Test
    void aPathNothingServesStaysNotFound() {
        problem(given().get("/api/v1/operations/nope/nothing-here"), 404, "http-404", "Not found");
    }

    private static Response start(String body) {
        return given().contentType("application/json").body(body).post("/api/v1/trainings");
    }

    private static ValidatableResponse problem(Response response, int status, String type, String title) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:opsbridge:problem:" + type)).body("title", equalTo(title))
                .body("status", equalTo(status));
    }
}
