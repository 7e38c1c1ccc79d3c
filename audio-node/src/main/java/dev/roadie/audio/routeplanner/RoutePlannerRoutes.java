package dev.roadie.audio.routeplanner;

import com.sedmelluq.lava.extensions.youtuberotator.planner.AbstractRoutePlanner;
import dev.roadie.audio.LavalinkException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lavalink's route planner endpoints: {@code GET /v4/routeplanner/status}, {@code POST
 * /v4/routeplanner/free/address} and {@code /free/all}, with Lavalink's status codes: {@code 204}
 * for the status and {@code 500} for the rest without a planner, {@code 204} when freed, {@code 400}
 * for an address that is not one.
 */
public final class RoutePlannerRoutes {
    static final String DISABLED = "Can't access disabled route planner";

    private final Optional<AbstractRoutePlanner> planner;
    private final JsonMapper json;

    public RoutePlannerRoutes(Optional<AbstractRoutePlanner> planner, JsonMapper json) {
        this.planner = planner;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v4/routeplanner/status", this::status);
        routes.post("/v4/routeplanner/free/address", this::freeAddress);
        routes.post("/v4/routeplanner/free/all", ctx -> {
            enabled().freeAllAddresses();
            ctx.status(204);
        });
    }

    private void status(Context ctx) {
        if (planner.isEmpty()) {
            ctx.status(204);
            return;
        }
        ctx.contentType("application/json").result(RoutePlannerStatusJson.of(planner.get(), json).toString());
    }

    private void freeAddress(Context ctx) {
        AbstractRoutePlanner routes = enabled();
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (JacksonException e) {
            throw new LavalinkException(400, "The body is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode address = body == null ? null : body.get("address");
        if (address == null || !address.isString()) {
            throw new LavalinkException(400, "The body must be {\"address\": \"<an address of the block>\"}");
        }
        InetAddress parsed = RoutePlannerSettings.literal(address.asString().strip());
        if (parsed == null) {
            // Lavalink's message, from InetAddress; a name is not looked up here.
            throw new LavalinkException(400, "Invalid address: " + address.asString()
                    + ": not an IP address", new UnknownHostException(address.asString()));
        }
        routes.freeAddress(parsed);
        ctx.status(204);
    }

    private AbstractRoutePlanner enabled() {
        return planner.orElseThrow(() -> new LavalinkException(500, DISABLED));
    }
}
