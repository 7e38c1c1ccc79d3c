package dev.roadie.audio.filter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }
}
