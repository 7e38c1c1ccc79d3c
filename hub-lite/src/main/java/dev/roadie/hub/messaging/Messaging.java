package dev.roadie.hub.messaging;

import dev.roadie.hub.auth.Permissions;
import dev.roadie.hub.config.HubConfig;
import dev.roadie.hub.metrics.HubMetrics;
import dev.roadie.hub.routing.ElsewhereUnavailableException;
import dev.roadie.hub.routing.QuotaExceededException;
import dev.roadie.hub.routing.Receiver;
import dev.roadie.hub.routing.Requests;
import dev.roadie.hub.routing.Router;
import dev.roadie.hub.routing.UnknownReceiverException;
import dev.roadie.model.search.HubRequests;
import dev.roadie.model.wire.Address;
import dev.roadie.model.wire.ErrorCode;
import dev.roadie.model.wire.Gather;
import dev.roadie.model.wire.GatherResult;
import dev.roadie.model.wire.Message;
import dev.roadie.model.wire.Reply;
import dev.roadie.model.wire.Request;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sends messages, requests and gathers for the socket and the REST API alike, so that each rule
 * lives here once: the sender's scopes, one receiver per request, durable messages only for known
 * receivers, the quotas, and deadlines within {@code requests.*}. Every refusal is a
 * {@link MessageRefusedException}; once a call is accepted its answer always comes, by a reply,
 * {@code no-route}, its deadline, {@code gone}, or the hub stopping.
 */
public final class Messaging {
    private final Router router;
    private final Requests requests;
    private final HubMetrics metrics;
    private final HubConfig.Requests timeouts;

    /**
     * @param timeouts the default and longest deadlines of requests and gathers
     */
    public Messaging(Router router, Requests requests, HubMetrics metrics, HubConfig.Requests timeouts) {
        this.router = router;
        this.requests = requests;
        this.metrics = metrics;
        this.timeouts = timeouts;
    }

    /**
     * Delivers {@code message} from {@code sender}, stored first when it is durable; returns how
     * many sessions it reached now.
     *
     * @throws MessageRefusedException {@code forbidden}, {@code not-found} (durable, to a service
     *                                 the hub does not know), {@code limit-reached}, or
     *                                 {@code upstream-failed} (a receiver on another hub of a cluster
     *                                 that cannot be reached now; then nobody got it)
     */
    public int send(Sender sender, Message message) {
        requireSend(sender, message.to());
        List<Receiver> receivers = router.resolve(message.to(), sender.session());
        int delivered;
        try {
            delivered = router.deliver(message.from(sender.identity()).withSeq(0), receivers);
        } catch (UnknownReceiverException e) {
            throw new MessageRefusedException(ErrorCode.NOT_FOUND, e.getMessage());
        } catch (QuotaExceededException e) {
            throw limitReached(e);
        } catch (ElsewhereUnavailableException e) {
            throw new MessageRefusedException(ErrorCode.UPSTREAM_FAILED, e.getMessage());
        }
        metrics.framesOut(delivered);
        if (delivered == 0) {
            metrics.noRoute("message");
        }
        return delivered;
    }

    /**
     * Sends {@code request} to the one receiver its address names; {@code answer} gets the reply
     * once, with {@code re} the request's id, and at once {@code no-route} when nobody matches.
     *
     * @throws MessageRefusedException {@code forbidden}, {@code invalid-frame} (an address of
     *                                 many receivers) or {@code limit-reached}; then no answer comes
     */
    public void request(Sender sender, Request request, Consumer<Reply> answer) {
        requireSend(sender, request.to());
        if (request.to().isMany()) {
            throw new MessageRefusedException(ErrorCode.INVALID_FRAME, "a request goes to one receiver: address "
                    + "service:KIND/NAME or one:KIND, or " + sender.howToGather(request.to()));
        }
        List<Receiver> receivers = router.resolve(request.to(), sender.session());
        if (receivers.isEmpty()) {
            answer.accept(requests.noRoute(request));
            return;
        }
        try {
            requests.request(request, sender.requester(), receivers.getFirst(), deadlineMs(request.timeoutMs()),
                    answer);
        } catch (QuotaExceededException e) {
            throw limitReached(e);
        }
    }

    /**
     * Asks every receiver {@code gather}'s address names now; {@code answer} gets the gathered
     * result once its mode is satisfied or its deadline passes (at once when nobody matches).
     *
     * @throws MessageRefusedException {@code forbidden} or {@code limit-reached}; then no answer comes
     */
    public void gather(Sender sender, Gather gather, Consumer<GatherResult> answer) {
        requireSend(sender, gather.to());
        List<Receiver> receivers = router.resolve(gather.to(), sender.session());
        if (receivers.isEmpty()) {
            metrics.noRoute("gather");
        }
        try {
            requests.gather(gather, sender.requester(), receivers, deadlineMs(gather.timeoutMs()), answer);
        } catch (QuotaExceededException e) {
            throw limitReached(e);
        }
    }

    /** The deadline of a request or gather: the hub's default for 0, never more than its maximum. */
    public long deadlineMs(long askedMs) {
        long max = timeouts.maxTimeout().toMillis();
        return askedMs <= 0 ? Math.min(timeouts.defaultTimeout().toMillis(), max) : Math.min(askedMs, max);
    }

    private static void requireSend(Sender sender, Address to) {
        if (to instanceof Address.Hub) {
            // The socket hands requests to the hub elsewhere (HubCalls); whatever reaches here is not one.
            throw new MessageRefusedException(ErrorCode.INVALID_FRAME, "address hub takes only a request on the socket,"
                    + " of subject " + HubRequests.SEARCH + ", " + HubRequests.RESOLVE + " or " + HubRequests.PROVIDERS
                    + "; over REST use /api/search, /api/resolve and /api/providers");
        }
        Permissions.refusalToSend(sender.principal(), to).ifPresent(why -> {
            throw new MessageRefusedException(ErrorCode.FORBIDDEN, why);
        });
    }

    private static MessageRefusedException limitReached(QuotaExceededException e) {
        return new MessageRefusedException(ErrorCode.LIMIT_REACHED, e.getMessage());
    }
}
