package dev.roadie.search.builtin;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds request URLs on a configurable base URL, encoding every parameter. */
final class Urls {

    private Urls() {
    }

    static URI withQuery(URI baseUrl, String path, Map<String, String> parameters) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        String query = new TreeMap<>(parameters).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + path + (query.isEmpty() ? "" : "?" + query));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
