package dev.roadie.voice.dave;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.mls.protocol.Group;

/**
 * Drops revoked proposals from a BouncyCastle group. bcmls 1.84's {@code Group} caches every
 * proposal it handles in a private list, commits all of them, and offers neither a way to drop
 * one nor a copy of the group to rebuild from (libdave rebuilds a copy; mlspp can copy a state).
 * DAVE's gateway revokes proposals (op 27, revoke), so this reaches into that list: the one
 * place this module touches bcmls internals, checked by a test so that a bcmls upgrade that
 * renames the fields fails loudly rather than committing revoked proposals. On the class path
 * this needs nothing; an application on the module path adds
 * {@code --add-opens org.bouncycastle.mls/org.bouncycastle.mls.protocol=ALL-UNNAMED} (or this module's name).
 */
final class ProposalCache {

    private static final Field PENDING;
    private static final Field REF;

    static {
        try {
            PENDING = Group.class.getDeclaredField("pendingProposals");
            PENDING.setAccessible(true);
            REF = Class.forName("org.bouncycastle.mls.protocol.CachedProposal").getDeclaredField("proposalRef");
            REF.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("bcmls's Group no longer has pendingProposals/CachedProposal.proposalRef;"
                    + " revoking proposals needs a new way in this bcmls version: " + e);
        }
    }

    private ProposalCache() {
    }

    /** Removes the cached proposal with this reference; false when the group has none. */
    static boolean revoke(Group group, byte[] ref) {
        try {
            List<?> pending = (List<?>) PENDING.get(group);
            for (int i = 0; i < pending.size(); i++) {
                if (Arrays.equals((byte[]) REF.get(pending.get(i)), ref)) {
                    pending.remove(i);
                    return true;
                }
            }
            return false;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reach bcmls's cached proposals", e);
        }
    }

    /** How many proposals the group would commit now. */
    static int size(Group group) {
        try {
            return ((List<?>) PENDING.get(group)).size();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reach bcmls's cached proposals", e);
        }
    }
}
