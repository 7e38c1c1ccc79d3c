package dev.roadie.hub.cluster;

import dev.roadie.hub.certs.CertificateRecords;
import dev.roadie.hub.certs.StoredCertificate;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cluster's certificates in its Redis (docs/CLUSTER.md, "Certificates and secrets"), for every
 * hub alike: one hash per certificate ({@code N:cert:NAME}) with its private key as the database
 * holds it, encrypted under the master key the hubs share; the names in the set {@code N:certs};
 * the serials issued and who installed which beside them; the ACME account keys, encrypted too.
 * Writes that must not overwrite another hub's newer write (a renewal asked for while the leader
 * stores the renewed certificate) are one script each. A certificate stored, or a renewal asked
 * for, is announced on the channel {@code N:certs}, so that every hub pushes it to its
 * subscribers and the leader acts at once.
 */
final class SharedCertificates implements CertificateRecords {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Announced after a certificate was stored: the hubs push it to their subscribers. */
    static final String ISSUED = "issued";
    /** Announced after a certificate was declared or a renewal asked for: the leader checks at once. */
    static final String DUE = "due";

    private static final String DECLARE = "if redis.call('exists', KEYS[1]) == 1 then return 0 end"
            + " redis.call('hset', KEYS[1], 'domains', ARGV[2], 'source', ARGV[3], 'failures', '0', 'renew', '1',"
            + " 'created', ARGV[4]) redis.call('sadd', KEYS[2], ARGV[1]) return 1";
    /** Replaces the certificate whole (what it had before goes, a failure included) and remembers the serial. */
    private static final String SAVE_ISSUED = "redis.call('del', KEYS[1]) redis.call('hset', KEYS[1], unpack(ARGV, 3))"
            + " redis.call('sadd', KEYS[2], ARGV[1]) redis.call('sadd', KEYS[3], ARGV[2]) return 1";
    /** Sets some fields of a certificate that still exists: never brings a deleted one back. */
    private static final String UPDATE = "if redis.call('exists', KEYS[1]) == 0 then return 0 end"
            + " redis.call('hset', KEYS[1], unpack(ARGV)) return 1";
    private static final String DELETE = "local gone = redis.call('del', KEYS[1]) redis.call('srem', KEYS[2], ARGV[1])"
            + " return gone";

    private final String self;
    private final ClusterKeys keys;
    private final RedisAsyncCommands<String, String> redis;
    private final String where;

    SharedCertificates(String self, ClusterKeys keys, RedisAsyncCommands<String, String> redis, String where) {
        this.self = self;
        this.keys = keys;
        this.redis = redis;
        this.where = where;
    }

    @Override
    public List<StoredCertificate> all() {
        List<String> names = new ArrayList<>(call(redis.smembers(keys.certs()), "list the certificates"));
        List<CompletableFuture<Map<String, String>>> reads = names.stream()
                .map(name -> redis.hgetall(keys.cert(name)).toCompletableFuture()).toList();
        List<StoredCertificate> all = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Map<String, String> fields = call(reads.get(i), "read certificate " + names.get(i));
            if (!fields.isEmpty()) { // deleted between the two reads
                all.add(decode(names.get(i), fields));
            }
        }
        all.sort(Comparator.comparing(StoredCertificate::name));
        return all;
    }

    @Override
    public Optional<StoredCertificate> find(String name) {
        Map<String, String> fields = call(redis.hgetall(keys.cert(name)), "read certificate " + name);
        return fields.isEmpty() ? Optional.empty() : Optional.of(decode(name, fields));
    }

    @Override
    public boolean declare(String name, List<String> domains, Instant now) {
        Long added = call(redis.<Long>eval(DECLARE, ScriptOutputType.INTEGER, new String[] {keys.cert(name),
            keys.certs()}, name, String.join(",", domains), StoredCertificate.ACME, Long.toString(now.toEpochMilli())),
                "declare certificate " + name);
        if (added == 1) {
            announce(DUE, name);
        }
        return added == 1;
    }

    @Override
    public void saveIssued(StoredCertificate cert, Instant now) {
        List<String> args = new ArrayList<>(List.of(cert.name(), cert.serial()));
        encode(cert).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        args.addAll(List.of("created", Long.toString(now.toEpochMilli())));
        call(redis.<Long>eval(SAVE_ISSUED, ScriptOutputType.INTEGER, new String[] {keys.cert(cert.name()),
            keys.certs(), keys.certSerials(cert.name())}, args.toArray(String[]::new)),
                "store certificate " + cert.name());
        announce(ISSUED, cert.name());
    }

    @Override
    public void saveFailure(String name, String error, int failures, Instant nextAttempt) {
        call(redis.<Long>eval(UPDATE, ScriptOutputType.INTEGER, new String[] {keys.cert(name)}, "lastError", error,
                "failures", Integer.toString(failures), "nextAttempt", Long.toString(nextAttempt.toEpochMilli()),
                "renew", "0"), "record the failure of certificate " + name);
    }

    @Override
    public boolean requestRenewal(String name) {
        Long set = call(redis.<Long>eval(UPDATE, ScriptOutputType.INTEGER, new String[] {keys.cert(name)}, "renew", "1"),
                "ask for the renewal of certificate " + name);
        if (set == 1) {
            announce(DUE, name);
        }
        return set == 1;
    }

    @Override
    public boolean delete(String name) {
        return call(redis.<Long>eval(DELETE, ScriptOutputType.INTEGER, new String[] {keys.cert(name), keys.certs()},
                name), "delete certificate " + name) > 0;
    }

    @Override
    public boolean issuedSerial(String name, String serial) {
        return call(redis.sismember(keys.certSerials(name), serial), "read the serials of certificate " + name);
    }

    @Override
    public void saveInstallation(String name, String service, String serial, Instant at) {
        call(redis.hset(keys.certInstalled(name), service, serial + "\t" + at.toEpochMilli()),
                "record who installed certificate " + name);
    }

    @Override
    public List<String[]> installations(String name) {
        Map<String, String> all = call(redis.hgetall(keys.certInstalled(name)), "read who installed certificate " + name);
        return all.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            String[] serialAndTime = entry.getValue().split("\t", 2);
            return new String[] {entry.getKey(), serialAndTime[0],
                Instant.ofEpochMilli(Long.parseLong(serialAndTime[1])).toString()};
        }).toList();
    }

    @Override
    public Optional<byte[]> accountKey(String directory) {
        return Optional.ofNullable(call(redis.hget(keys.acmeAccounts(), directory), "read the ACME account key"))
                .map(Base64.getDecoder()::decode);
    }

    @Override
    public void saveAccountKey(String directory, byte[] sealed, Instant now) {
        call(redis.hset(keys.acmeAccounts(), directory, Base64.getEncoder().encodeToString(sealed)),
                "store the ACME account key");
    }

    /** Tells every hub that {@code name} was stored ({@link #ISSUED}) or is due ({@link #DUE}). */
    private void announce(String what, String name) {
        // The write is done: a lost notice costs the other hubs' subscribers this push, not the certificate.
        redis.publish(keys.certs(), notice(self, what, name));
    }

    static String notice(String hub, String what, String name) {
        return hub + "\t" + what + "\t" + name;
    }

    /** The fields of an issued certificate, as {@link #decode} reads them; the key stays encrypted. */
    static Map<String, String> encode(StoredCertificate cert) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("domains", String.join(",", cert.domains()));
        fields.put("source", cert.source());
        put(fields, "serial", cert.serial());
        put(fields, "notBefore", cert.notBefore());
        put(fields, "notAfter", cert.notAfter());
        put(fields, "fingerprint", cert.fingerprint());
        put(fields, "issuedAt", cert.issuedAt());
        put(fields, "renewAfter", cert.renewAfter());
        put(fields, "fullchain", cert.fullchainPem());
        if (cert.privateKey() != null) {
            fields.put("key", Base64.getEncoder().encodeToString(cert.privateKey()));
        }
        put(fields, "lastError", cert.lastError());
        fields.put("failures", Integer.toString(cert.failures()));
        put(fields, "nextAttempt", cert.nextAttempt());
        fields.put("renew", cert.renewRequested() ? "1" : "0");
        return fields;
    }

    static StoredCertificate decode(String name, Map<String, String> fields) {
        String domains = fields.getOrDefault("domains", "");
        String key = fields.get("key");
        return new StoredCertificate(name, domains.isEmpty() ? List.of() : Arrays.asList(domains.split(",")),
                fields.getOrDefault("source", StoredCertificate.ACME), fields.get("serial"), time(fields, "notBefore"),
                time(fields, "notAfter"), fields.get("fingerprint"), time(fields, "issuedAt"),
                time(fields, "renewAfter"), fields.get("fullchain"), key == null ? null : Base64.getDecoder().decode(key),
                fields.get("lastError"), Integer.parseInt(fields.getOrDefault("failures", "0")),
                time(fields, "nextAttempt"), "1".equals(fields.get("renew")));
    }

    private static void put(Map<String, String> fields, String field, Object value) {
        if (value instanceof Instant time) {
            fields.put(field, Long.toString(time.toEpochMilli()));
        } else if (value != null) {
            fields.put(field, value.toString());
        }
    }

    private static Instant time(Map<String, String> fields, String field) {
        String millis = fields.get(field);
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private <T> T call(CompletionStage<T> command, String doing) {
        try {
            return command.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ClusterUnreachableException("cannot " + doing + " in the cluster's Redis at " + where + " ("
                    + (e.getCause() == null ? e : e.getCause()).getMessage() + "): certificates live there in cluster"
                    + " mode; try again once Redis is back", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnreachableException("interrupted while trying to " + doing, e);
        }
    }
}
