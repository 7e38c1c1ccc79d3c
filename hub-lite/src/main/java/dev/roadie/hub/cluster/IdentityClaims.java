package dev.roadie.hub.cluster;

import dev.roadie.hub.session.ClientSession;
import dev.roadie.hub.session.SessionTable;
import dev.roadie.model.registry.ServiceId;
import dev.roadie.model.wire.CloseCode;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One identity, one hub (docs/CLUSTER.md, "One identity, one hub"): a session that starts to
 * serve a service (its identity at its hello, or a service it announces) claims it in Redis, one
 * {@code SET ... GET} of {@code N:claim:KIND/NAME} naming this hub and the session. The claim
 * gives back the one it replaced: when that names a session of another hub, this hub publishes
 * one {@code k} envelope there, and that hub does what one hub does with an older connection of
 * the same identity (closes it with 4010) or an older announce (the session stops serving the
 * service). Redis orders the claims, so of two hellos racing on two hubs the later claim stays.
 * A session that leaves deletes its claims if they still name it.
 */
final class IdentityClaims implements SessionTable.Watcher {
    private static final Logger log = LoggerFactory.getLogger(IdentityClaims.class);
    /** Deletes a claim only while it still names the session that leaves. */
    static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then"
            + " return redis.call('del', KEYS[1]) else return 0 end";

    private final String self;
    private final ClusterKeys keys;
    private final RedisAsyncCommands<String, String> redis;
    /** Publishes an envelope to the hub named first. */
    private final BiConsumer<String, String> publish;
    /** Told when Redis could not be asked. */
    private final BiConsumer<Throwable, String> failed;

    IdentityClaims(String self, ClusterKeys keys, RedisAsyncCommands<String, String> redis,
            BiConsumer<String, String> publish, BiConsumer<Throwable, String> failed) {
        this.self = self;
        this.keys = keys;
        this.redis = redis;
        this.publish = publish;
        this.failed = failed;
    }

    @Override
    public void serving(ServiceId service, ClientSession session) {
        redis.setGet(keys.claim(service), self + " " + session.id()).whenComplete((previous, failure) -> {
            if (failure != null) {
                failed.accept(failure, "claiming " + service);
                return;
            }
            if (previous == null) {
                return;
            }
            int space = previous.indexOf(' ');
            String hub = previous.substring(0, Math.max(0, space));
            if (space > 0 && !hub.equals(self)) {
                publish.accept(hub, Envelope.replace(service, previous.substring(space + 1), self));
            }
        });
    }

    @Override
    public void removed(ClientSession session) {
        List<ServiceId> served = new ArrayList<>(session.services());
        if (!served.contains(session.identity())) {
            served.add(session.identity());
        }
        String value = self + " " + session.id();
        for (ServiceId service : served) {
            redis.<Long>eval(RELEASE, ScriptOutputType.INTEGER, new String[] {keys.claim(service)}, value)
                    .whenComplete((deleted, failure) -> {
                        if (failure != null) {
                            failed.accept(failure, "releasing " + service);
                        }
                    });
        }
    }

    /** Another hub took over {@code replace.service()}: the session named, if still here, lets it go as on one hub. */
    static void replaced(Envelope.Replace replace, SessionTable sessions) {
        sessions.byId(replace.session()).filter(session -> !session.isEnded()).ifPresent(session -> {
            if (session.identity().equals(replace.service())) {
                log.info("{} connected to hub {}: ending its session {} here", replace.service(), replace.by(),
                        session.id());
                session.end(CloseCode.REPLACED, "a newer connection of " + replace.service() + " took over (on hub "
                        + replace.by() + ")");
            } else {
                log.info("{} was announced on hub {}: session {} here no longer serves it", replace.service(),
                        replace.by(), session.id());
                sessions.stopServing(replace.service(), session);
            }
        });
    }
}
