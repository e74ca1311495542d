package io.opsbridge.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI document each app under test serves, read once per origin (scheme, host and port) and
 * turned into a validator of answers, once per document text (a test that starts several processes of one app
 * builds it once). Read again on demand: a port may be reused by another app.
 */
final class ServedDocuments {

    /** A validator and the document text it was built from. */
    record Validator(String document, OpenApiInteractionValidator validator) {
    }

    // HTTP/1.1 as REST Assured speaks it: no h2c upgrade, which a busy server once answered with a broken frame
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Validator> byOrigin = new ConcurrentHashMap<>();
    /** Built once per document text: every backend or host process of a test run serves one of a few. */
    private final Map<String, Validator> byDocument = new ConcurrentHashMap<>();

    /** The validator for {@code origin}; {@code reread} fetches the document again and rebuilds it if it changed. */
    Validator validator(String origin, boolean reread) {
        Validator known = byOrigin.get(origin);
        if (known != null && !reread) {
            return known;
        }
        String document = fetch(origin);
        if (known != null && known.document().equals(document)) {
            return known;
        }
        Validator fresh = byDocument.computeIfAbsent(document, text -> new Validator(text, build(text)));
        byOrigin.put(origin, fresh);
        return fresh;
    }

    private String fetch(String origin) {
        URI uri = URI.create(origin + "/q/openapi?format=json");
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("No OpenAPI document at " + uri + ": " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new AssertionError("No OpenAPI document at " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while reading " + uri, e);
        }
    }

    /** Answers only: request checks are off, except finding the path and method the answer belongs to. */
    private static OpenApiInteractionValidator build(String document) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.path.missing", ValidationReport.Level.ERROR)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }
}
