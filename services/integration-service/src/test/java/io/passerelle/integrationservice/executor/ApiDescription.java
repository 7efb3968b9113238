package io.passerelle.integrationservice.executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A vendor's published API description (Swagger 2.0 or OpenAPI 3.0, JSON), read to check requests the way the
 * product would take them: an operation for the method and path; the path parameters' types and patterns; the
 * required query and header parameters, and no query parameter it does not describe; the request body's media type,
 * its presence when required, its schema (JSON Schema draft 4 with the description's definitions or components), and
 * no top-level field the schema does not have; the credential its security scheme asks for.
 */
public final class ApiDescription {

    /** A request as it arrived; {@code body} is the JSON, or the form fields as a JSON object of strings. */
    public record Checked(String operationId, Map<String, String> pathParameters, List<String> violations) {
    }

    private record Operation(String method, String template, Pattern pattern, List<String> names, JsonNode node) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    private final JsonNode document;
    private final boolean swagger2;
    private final List<Operation> operations = new ArrayList<>();

    private ApiDescription(JsonNode document) {
        this.document = document;
        this.swagger2 = document.has("swagger");
        for (var path : document.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                var names = new ArrayList<String>();
                var regex = new StringBuilder("^");
                Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
                int last = 0;
                while (m.find()) {
                    regex.append(Pattern.quote(path.getKey().substring(last, m.start())));
                    var parameter = parameter(method.getValue(), m.group(1), "path");
                    regex.append(schemaOf(parameter).path("pattern").asString().contains("/") ? "(.+)" : "([^/]+)");
                    names.add(m.group(1));
                    last = m.end();
                }
                regex.append(Pattern.quote(path.getKey().substring(last))).append("$");
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        Pattern.compile(regex.toString()), names, method.getValue()));
            }
        }
    }

    /** Loads a description from the test resources ({@code vendor-api/<vendor>/<file>}). */
    public static ApiDescription load(String resource) {
        try (InputStream in = ApiDescription.class.getResourceAsStream("/vendor-api/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource vendor-api/" + resource);
            }
            return new ApiDescription(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operation {@code method path} is, as the description has it; null when it has none. */
    public String operationFor(String method, String path) {
        var operation = find(method, path);
        return operation == null ? null : operation.template();
    }

    /**
     * @param headers names in lower case
     * @param contentType the request's media type without parameters, or null
     * @param body the JSON body, the form fields as an object, or null when there is none
     */
    public Checked check(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
            String contentType, JsonNode body) {
        var violations = new ArrayList<String>();
        var operation = find(method, path);
        if (operation == null) {
            violations.add(method + " " + path + ": the description has no such operation");
            return new Checked("", Map.of(), violations);
        }
        var where = method + " " + operation.template() + ": ";
        var values = new LinkedHashMap<String, String>();
        var matcher = operation.pattern().matcher(path);
        matcher.matches();
        for (int i = 0; i < operation.names().size(); i++) {
            var name = operation.names().get(i);
            var value = java.net.URLDecoder.decode(matcher.group(i + 1), java.nio.charset.StandardCharsets.UTF_8);
            values.put(name, value);
            checkValue(where + "path parameter " + name, schemaOf(parameter(operation.node(), name, "path")), value,
                    violations);
        }
        var declaredQuery = new java.util.HashSet<String>();
        for (var parameter : parameters(operation.node())) {
            var name = parameter.path("name").asString();
            var in = parameter.path("in").asString();
            if (in.equals("query")) {
                declaredQuery.add(name);
                var given = query.get(name);
                if (given == null && parameter.path("required").asBoolean(false)) {
                    violations.add(where + "the required query parameter " + name + " is missing");
                }
                for (var value : given == null ? List.<String>of() : given) {
                    checkValue(where + "query parameter " + name, schemaOf(parameter), value, violations);
                }
            } else if (in.equals("header") && parameter.path("required").asBoolean(false)
                    && !headers.containsKey(name.toLowerCase(Locale.ROOT))) {
                violations.add(where + "the required header " + name + " is missing");
            }
        }
        query.keySet().stream().filter(name -> !declaredQuery.contains(name))
                .forEach(name -> violations.add(where + "the query parameter " + name + " is not described"));
        checkSecurity(where, operation.node(), headers, violations);
        checkBody(where, operation.node(), contentType, body, violations);
        return new Checked(operation.node().path("operationId").asString(), values, violations);
    }

    private void checkSecurity(String where, JsonNode operation, Map<String, String> headers, List<String> violations) {
        var requirements = operation.has("security") ? operation.get("security") : document.path("security");
        for (var requirement : requirements) {
            for (var name : requirement.propertyNames()) {
                var scheme = document.path("components").path("securitySchemes").path(name);
                var prefix = switch (scheme.path("scheme").asString()) {
                    case "bearer" -> "Bearer ";
                    case "basic" -> "Basic ";
                    default -> "";
                };
                var given = headers.getOrDefault("authorization", "");
                if (!prefix.isEmpty() && (!given.startsWith(prefix) || given.length() == prefix.length())) {
                    violations.add(where + "no '" + prefix.trim() + "' Authorization header, as security scheme "
                            + name + " asks");
                }
            }
        }
    }

    private void checkBody(String where, JsonNode operation, String contentType, JsonNode body,
            List<String> violations) {
        JsonNode schema;
        boolean required;
        List<String> mediaTypes = new ArrayList<>();
        if (swagger2) {
            var parameter = parameters(operation).stream().filter(p -> p.path("in").asString().equals("body"))
                    .findFirst().orElse(null);
            if (parameter == null) {
                if (body != null) {
                    violations.add(where + "a body was sent to an operation that takes none");
                }
                return;
            }
            schema = parameter.path("schema");
            required = parameter.path("required").asBoolean(false);
            mediaTypes.add("application/json");
        } else {
            var requestBody = operation.path("requestBody");
            if (requestBody.isMissingNode()) {
                if (body != null) {
                    violations.add(where + "a body was sent to an operation that takes none");
                }
                return;
            }
            required = requestBody.path("required").asBoolean(false);
            mediaTypes.addAll(requestBody.path("content").propertyNames());
            schema = contentType == null ? null : requestBody.path("content").path(contentType).path("schema");
        }
        if (body == null) {
            if (required) {
                violations.add(where + "the required body is missing");
            }
            return;
        }
        if (contentType == null || !mediaTypes.contains(contentType)) {
            violations.add(where + "the body's media type " + contentType + " is not one of " + mediaTypes);
            return;
        }
        var resolvable = (ObjectNode) schema.deepCopy();
        if (swagger2) {
            resolvable.set("definitions", document.path("definitions"));
        } else {
            resolvable.set("components", document.path("components"));
        }
        for (var error : SCHEMAS.getSchema(resolvable).validate(body)) {
            violations.add(where + "body " + error);
        }
        var properties = resolve(schema).path("properties");
        if (body.isObject() && !properties.isMissingNode()) {
            for (var name : body.propertyNames()) {
                if (!properties.has(name)) {
                    violations.add(where + "body field " + name + " is not in the description");
                }
            }
        }
    }

    private void checkValue(String what, JsonNode schema, String value, List<String> violations) {
        var type = schema.path("type").asString();
        if ((type.equals("integer") && !value.matches("-?\\d+")) || (type.equals("boolean")
                && !value.matches("true|false"))) {
            violations.add(what + " '" + value + "' is not " + (type.equals("integer") ? "an " : "a ") + type);
        }
        var pattern = schema.path("pattern").asString();
        if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(value).find()) {
            violations.add(what + " '" + value + "' does not match " + pattern);
        }
        if (schema.has("minimum") && type.equals("integer") && value.matches("-?\\d+")
                && Long.parseLong(value) < schema.get("minimum").asLong()) {
            violations.add(what + " '" + value + "' is below " + schema.get("minimum").asLong());
        }
    }

    private Operation find(String method, String path) {
        for (var operation : operations) {
            if (operation.method().equals(method) && operation.pattern().matcher(path).matches()) {
                return operation;
            }
        }
        return null;
    }

    private List<JsonNode> parameters(JsonNode operation) {
        var all = new ArrayList<JsonNode>();
        for (Iterator<JsonNode> it = operation.path("parameters").iterator(); it.hasNext();) {
            all.add(resolve(it.next()));
        }
        return all;
    }

    private JsonNode parameter(JsonNode operation, String name, String in) {
        return parameters(operation).stream()
                .filter(p -> p.path("name").asString().equals(name) && p.path("in").asString().equals(in))
                .findFirst().orElseThrow(() -> new IllegalStateException("the description does not declare " + in
                        + " parameter " + name));
    }

    private JsonNode schemaOf(JsonNode parameter) {
        return swagger2 ? parameter : resolve(parameter.path("schema"));
    }

    private JsonNode resolve(JsonNode node) {
        var ref = node.path("$ref").asString();
        return ref.startsWith("#/") ? resolve(document.at(ref.substring(1))) : node;
    }
}
