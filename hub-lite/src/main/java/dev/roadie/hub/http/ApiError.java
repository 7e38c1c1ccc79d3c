package dev.roadie.hub.http;

/**
 * The error body of every refused REST call, {@code {"code": "...", "message": "..."}}: from the
 * API's handlers and from the guards in front of them alike, so that clients read one shape.
 */
public record ApiError(String code, String message) {
}
