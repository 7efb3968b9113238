package io.passerelle.e2e.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/** One operation of an OpenAPI spec: what the fuzzer needs to build requests to it. */
record Operation(String service, String id, String method, String path, List<Parameter> parameters,
                 @Nullable Schema body, boolean bodyRequired, List<String> roles, boolean authenticated,
                 Set<String> methodsOfPath) {

    record Parameter(String name, String in, boolean required, Schema schema) {
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** A call that can change state: it must be refused for the database to stay as it was. */
    boolean writes() {
        return !method.equals("GET");
    }

    List<Parameter> in(String where) {
        return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    @Override
    public String toString() {
        return id;
    }

    /** Every operation of every spec in {@code folder} (api-specs/openapi). */
    static List<Operation> read(Path folder) {
        var operations = new ArrayList<Operation>();
        try (var files = Files.list(folder)) {
            for (var file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Map<String, Object> root = new Yaml().load(Files.readString(file));
                var service = file.getFileName().toString().replace(".yaml", "");
                operations.addAll(of(service, root));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI specs in " + folder, e);
        }
        if (operations.isEmpty()) {
            throw new IllegalStateException("no operation found in " + folder);
        }
        return operations;
    }

    private static List<Operation> of(String service, Map<String, Object> root) {
        var operations = new ArrayList<Operation>();
        boolean securedByDefault = root.get("security") instanceof List<?> security && !security.isEmpty();
        Schema.asMap(root.get("paths")).forEach((path, item) -> {
            var pathItem = Schema.asMap(item);
            var methods = pathItem.keySet().stream().filter(METHODS::contains)
                    .map(m -> m.toUpperCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
            for (var method : METHODS) {
                if (!(pathItem.get(method) instanceof Map<?, ?> raw)) {
                    continue;
                }
                var operation = Schema.asMap(raw);
                var parameters = new ArrayList<Parameter>();
                for (var source : List.of(pathItem, operation)) {
                    if (source.get("parameters") instanceof List<?> list) {
                        for (var p : list) {
                            var parameter = Schema.of(root, p).node();
                            parameters.add(new Parameter((String) parameter.get("name"), (String) parameter.get("in"),
                                    Boolean.TRUE.equals(parameter.get("required")), Schema.of(root, parameter.get("schema"))));
                        }
                    }
                }
                Schema body = null;
                boolean bodyRequired = false;
                if (operation.get("requestBody") instanceof Map<?, ?> requestBody) {
                    var resolved = Schema.of(root, requestBody).node();
                    bodyRequired = Boolean.TRUE.equals(resolved.get("required"));
                    var json = json(Schema.asMap(resolved.get("content")));
                    body = json == null ? null : Schema.of(root, json.get("schema"));
                }
                var roles = operation.get("x-roles") instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList() : List.<String>of();
                boolean authenticated = operation.containsKey("security")
                        ? operation.get("security") instanceof List<?> security && !security.isEmpty()
                        : securedByDefault;
                operations.add(new Operation(service, (String) operation.get("operationId"),
                        method.toUpperCase(Locale.ROOT), path, List.copyOf(parameters), body, bodyRequired, roles,
                        authenticated, methods));
            }
        });
        return operations;
    }

    /**
     * The JSON body of an operation: {@code application/json}, else a {@code +json} type (CloudEvents' structured
     * mode); none for a body of another kind (Slack's form), which is sent without one.
     */
    private static @Nullable Map<String, Object> json(Map<String, Object> content) {
        if (content.get("application/json") != null) {
            return Schema.asMap(content.get("application/json"));
        }
        return content.entrySet().stream().filter(e -> e.getKey().endsWith("+json")).findFirst()
                .map(e -> Schema.asMap(e.getValue())).orElse(null);
    }
}
