package io.opsbridge.testsupport;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every answer a REST Assured test receives is checked against the OpenAPI document that the
 * answering app serves at {@code /q/openapi} (each app, backend or host, its own): status declared,
 * content type declared, body valid against its schema, declared headers well formed. A mismatch
 * fails the test with the validator's messages. Installed once per JVM by {@link ContractCheckExtension}
 * (plain JUnit tests) and {@link QuarkusContractCheck} (@QuarkusTest): no test has to ask for it.
 *
 * <p>Requests are not judged (the hostile-input tests send bad ones on purpose); the answer to a
 * request the document does not know is accepted only when the app says so too: a 404 for an
 * unknown path, a 405 for an unknown method. The Quarkus endpoints under {@code /q/} (health,
 * metrics, the document itself) and the web UI's files are not part of the API document.
 */
public final class ContractCheck implements OrderedFilter {

    private static final ContractCheck INSTANCE = new ContractCheck();

    private final ServedDocuments documents = new ServedDocuments();

    private ContractCheck() {
    }

    /** Adds the check to REST Assured's default filters, once. */
    public static synchronized void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // outermost: it sees the answer as the test will
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (!inApiDocument(uri, response)) {
            return response;
        }
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        List<String> errors = errors(documents.validator(origin, false), uri, request, response);
        if (!errors.isEmpty()) {
            // the app may have been restarted on the same port, with another document: ask it once more
            errors = errors(documents.validator(origin, true), uri, request, response);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + uri + " (" + response.statusCode()
                    + ") disagrees with the OpenAPI document served at " + origin + "/q/openapi:\n  "
                    + String.join("\n  ", errors) + "\nBody: " + abbreviated(response.asString()));
        }
        return response;
    }

    private static List<String> errors(ServedDocuments.Validator validator, URI uri,
            FilterableRequestSpecification request, Response response) {
        ValidationReport report = validator.validator().validateResponse(uri.getRawPath(),
                Request.Method.valueOf(request.getMethod().toUpperCase(Locale.ROOT)), RestAssuredResponse.of(response));
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !agreedAbsence(m.getKey(), response.statusCode()))
                .map(m -> m.getKey() + ": " + m.getMessage())
                .collect(Collectors.toList());
    }

    /** The document does not know the path or method, and the app answered just that. */
    private static boolean agreedAbsence(String key, int status) {
        return key.equals("validation.request.path.missing") && status == 404
                || key.equals("validation.request.operation.notAllowed") && status == 405;
    }

    private static boolean inApiDocument(URI uri, Response response) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.startsWith("/q/") || path.equals("/q")) {
            return false;
        }
        String type = response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
        boolean webUiFile = type.startsWith("text/html") || type.startsWith("text/css") || type.startsWith("image/")
                || type.contains("javascript");
        return !webUiFile;
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() <= 600 ? body : body.substring(0, 600) + "...";
    }
}
