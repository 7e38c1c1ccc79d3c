package dev.roadie.hub.routing;

import dev.roadie.model.wire.Problem;
import dev.roadie.model.wire.ReplyStatus;
import tools.jackson.databind.JsonNode;

/** How one receiver's part of a request ended. */
record Outcome(Receiver receiver, ReplyStatus status, JsonNode body, Problem error, long millis) {
}
