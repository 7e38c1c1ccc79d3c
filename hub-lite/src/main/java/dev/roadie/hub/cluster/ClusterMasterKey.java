package dev.roadie.hub.cluster;

import dev.roadie.hub.certs.MasterKey;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks at start that this hub's master key is the cluster's: the first hub to join leaves a
 * known text encrypted under its key in {@code N:key-check}, and every hub after must open it.
 * A hub with another key would store certificates and secrets the others cannot read, and could
 * read none of theirs: it keeps out of them (its certificate calls are refused, its services'
 * secrets are not shared) and says so.
 */
final class ClusterMasterKey {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ClusterMasterKey() {
    }

    /**
     * @param keyWhere where this hub's key comes from, for the message (a file, or the setting)
     * @return what is wrong, in words, when the key does not open the cluster's check; never the key
     * @throws ClusterUnreachableException when Redis does not answer
     */
    static java.util.Optional<String> check(RedisAsyncCommands<String, String> redis, ClusterKeys keys, String where, MasterKey key,
            String keyWhere) {
        String context = "cluster:" + keys.prefix();
        byte[] known = context.getBytes(StandardCharsets.UTF_8);
        try {
            redis.setnx(keys.keyCheck(), Base64.getEncoder().encodeToString(key.encrypt(known, context)))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String sealed = redis.get(keys.keyCheck()).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            key.decrypt(Base64.getDecoder().decode(sealed), context);
            return java.util.Optional.empty();
        } catch (IllegalStateException | IllegalArgumentException e) {
            return java.util.Optional.of("the master key in " + keyWhere + " is not the one of cluster '"
                    + keys.prefix() + "' (Redis at " + where + "), so this hub could read none of its certificates"
                    + " and secrets. Every hub of a cluster needs the same master key: give this hub the other hubs'"
                    + " (copy their master key file over this one, or set the same certs.masterKey,"
                    + " ROADIE_CERTS_MASTER_KEY, on every hub) and restart it");
        } catch (ExecutionException | TimeoutException e) {
            throw new ClusterUnreachableException("could not check the master key against the cluster's Redis at "
                    + where + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnreachableException("interrupted while checking the master key", e);
        }
    }
}
