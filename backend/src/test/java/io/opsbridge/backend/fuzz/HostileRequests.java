package io.opsbridge.backend.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates hostile requests from the OpenAPI endpoints: each one takes a plausible request and spoils one part of
 * it (a path parameter, query parameters, body fields, the whole body, the content type or the Accept header).
 * For an endpoint whose document has a request-body example, {@value #EXAMPLE_SHARE} of its requests send that
 * example instead, as it is or changed in one field ({@link ExampleMutations}), so some are accepted.
 * The same seed gives the same requests.
 */
final class HostileRequests {

    private enum Mutation { PATH, QUERY, FIELDS, UNKNOWN_FIELD, BODY, CONTENT_TYPE, ACCEPT, HEADER }

    static final double EXAMPLE_SHARE = 0.5;

    private final Random random;
    private final double unauthenticatedShare;
    private final ExampleMutations examples;

    HostileRequests(long seed, double unauthenticatedShare) {
        this.random = new Random(seed);
        this.unauthenticatedShare = unauthenticatedShare;
        this.examples = new ExampleMutations(random);
    }

    /** {@code count} requests, going round the endpoints so each one gets its share. */
    List<FuzzRequest> generate(List<Endpoint> endpoints, int count) {
        List<FuzzRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(one(i, endpoints.get(i % endpoints.size())));
        }
        return requests;
    }

    private FuzzRequest one(int number, Endpoint endpoint) {
        if (endpoint.example() != null && random.nextDouble() < EXAMPLE_SHARE) {
            return fromExample(number, endpoint);
        }
        Mutation mutation = mutationFor(endpoint);
        Map<String, String> pathValues = new LinkedHashMap<>();
        endpoint.pathParams().forEach(p -> pathValues.put(p, "AAPL"));
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> fields = plausibleFields(endpoint);
        String body = endpoint.hasBody() ? json(fields) : null;
        String contentType = endpoint.hasBody() ? "application/json" : null;
        String accept = null;
        Map<String, String> headers = new LinkedHashMap<>();
        String detail;
        switch (mutation) {
            case PATH -> {
                String param = endpoint.pathParams().get(random.nextInt(endpoint.pathParams().size()));
                String value = HostileValues.pick(random, HostileValues.TEXT);
                pathValues.put(param, value);
                detail = "path " + param + "=" + shortly(value);
            }
            case QUERY -> {
                StringBuilder names = new StringBuilder("query");
                for (String param : endpoint.queryParams()) {
                    if (random.nextInt(3) == 0 || names.length() == 5) {
                        String value = HostileValues.pick(random, HostileValues.TEXT);
                        query.put(param, value);
                        names.append(' ').append(param).append('=').append(shortly(value));
                    }
                }
                detail = names.toString();
            }
            case FIELDS -> {
                List<String> names = new ArrayList<>(fields.keySet());
                String field = names.get(random.nextInt(names.size()));
                String value = random.nextBoolean() ? HostileValues.pick(random, HostileValues.JSON)
                        : jsonString(HostileValues.pick(random, HostileValues.TEXT));
                fields.put(field, value);
                body = json(fields);
                detail = "field " + field + "=" + shortly(value);
            }
            case UNKNOWN_FIELD -> {
                fields.put(random.nextBoolean() ? "unknown_field" : "__proto__", "1");
                body = json(fields);
                detail = "unknown field";
            }
            case BODY -> {
                body = HostileValues.pick(random, HostileValues.BODIES);
                contentType = "application/json";
                detail = "body";
            }
            case CONTENT_TYPE -> {
                contentType = HostileValues.pick(random, HostileValues.CONTENT_TYPES);
                body = body == null ? "x=1" : body;
                detail = "content type";
            }
            case HEADER -> {
                String name = HostileValues.pick(random, HostileValues.HEADERS);
                String value = HostileValues.pick(random, HostileValues.HEADER_VALUES);
                headers.put(name, name.equals("Authorization") && random.nextBoolean() ? "Bearer " + value : value);
                detail = "header " + name + ": " + shortly(value);
            }
            default -> {
                accept = HostileValues.pick(random, HostileValues.ACCEPTS);
                detail = "accept";
            }
        }
        boolean authenticated = random.nextDouble() >= unauthenticatedShare;
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return new FuzzRequest(number, endpoint.method(), target(endpoint, pathValues, query), contentType, accept,
                bytes, headers, authenticated && !headers.containsKey("Authorization"), detail);
    }

    private FuzzRequest fromExample(int number, Endpoint endpoint) {
        ExampleMutations.Mutated body = examples.mutate(endpoint.example());
        boolean authenticated = random.nextDouble() >= unauthenticatedShare;
        return new FuzzRequest(number, endpoint.method(), endpoint.path(), "application/json", null,
                body.body().getBytes(StandardCharsets.UTF_8), Map.of(), authenticated, body.change());
    }

    private Mutation mutationFor(Endpoint endpoint) {
        List<Mutation> possible = new ArrayList<>(List.of(Mutation.ACCEPT, Mutation.CONTENT_TYPE, Mutation.BODY,
                Mutation.HEADER));
        if (!endpoint.pathParams().isEmpty()) {
            possible.addAll(List.of(Mutation.PATH, Mutation.PATH, Mutation.PATH));
        }
        if (!endpoint.queryParams().isEmpty()) {
            possible.addAll(List.of(Mutation.QUERY, Mutation.QUERY, Mutation.QUERY));
        }
        if (endpoint.hasBody() && !endpoint.bodyFields().isEmpty()) {
            possible.addAll(List.of(Mutation.FIELDS, Mutation.FIELDS, Mutation.FIELDS, Mutation.FIELDS,
                    Mutation.UNKNOWN_FIELD));
        }
        return possible.get(random.nextInt(possible.size()));
    }

    /** Values of the right JSON type, so the spoiled part is the only thing wrong. */
    private static Map<String, String> plausibleFields(Endpoint endpoint) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (endpoint.hasBody()) {
            endpoint.bodyFields().forEach((name, type) -> fields.put(name, switch (type) {
                case "array" -> "[\"AAPL\"]";
                case "integer", "number" -> "1";
                case "boolean" -> "false";
                case "object" -> "{}";
                default -> "\"AAPL\"";
            }));
        }
        return fields;
    }

    private static String target(Endpoint endpoint, Map<String, String> pathValues, Map<String, String> query) {
        String path = endpoint.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
        }
        StringBuilder target = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> param : query.entrySet()) {
            target.append(separator).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            separator = '&';
        }
        return target.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append(jsonString(name))
                .append(':').append(value));
        return json.append('}').toString();
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static String shortly(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "...(" + value.length() + " chars)" : value;
    }
}
