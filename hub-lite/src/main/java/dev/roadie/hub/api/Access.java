package dev.roadie.hub.api;

import io.javalin.security.RouteRole;

/**
 * What a REST route needs from its caller, declared where the route is declared, as a Javalin
 * route role: {@code routes.get("/api/tokens", tokens::list, Access.ADMIN)}. One check before
 * every matched route ({@link ApiAuth#check}) authenticates and authorises by it, and refuses a
 * route that declares none: a route added without thinking about access is closed, not open.
 *
 * <p>A rule that depends on what the call names (may this token send to this address, see this
 * certificate) stays in the handler, which then declares {@link #TOKEN}.
 */
public sealed interface Access extends RouteRole {
    /** Anyone, without a token: only what a monitor or a load balancer needs. */
    Access PUBLIC = new Public();
    /** Any valid token, within its rate; the handler checks what the call names. */
    Access TOKEN = new AnyToken();
    /** A token with the scope {@code admin}. */
    Access ADMIN = scope("admin");

    /** A token with the plain scope {@code scope} ({@code registry}, {@code metrics}, ...); admin has every one. */
    static Access scope(String scope) {
        return new Scope(scope);
    }

    /** How the route overview and the docs name it: {@code none}, {@code any token}, or the scope. */
    String describe();

    /** See {@link #PUBLIC}. */
    record Public() implements Access {
        @Override
        public String describe() {
            return "none";
        }
    }

    /** See {@link #TOKEN}. */
    record AnyToken() implements Access {
        @Override
        public String describe() {
            return "any token";
        }
    }

    /** See {@link #scope(String)}. */
    record Scope(String name) implements Access {
        public Scope {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name the scope the route needs, e.g. Access.scope(\"registry\")");
            }
        }

        @Override
        public String describe() {
            return name;
        }
    }
}
