package dev.roadie.voice.gateway;

import java.util.Map;

/**
 * The voice gateway's close codes (Discord's "Voice Close Event Codes") and what this client does
 * on each. Codes Discord says not to reconnect on, and those that mean the client sent something
 * wrong (reconnecting would only repeat it), give up; 4015 (the voice server crashed) resumes as
 * Discord asks; 4009 (session timeout) identifies afresh. Anything else, including a socket lost
 * without a close frame (1006) and a heartbeat not acknowledged, is treated as network loss and
 * resumed. docs/DISCORD-VOICE.md has the same table.
 */
public final class CloseRules {

    /** Network loss, a missed heartbeat ACK, or a code Discord does not document. */
    static final CloseAction UNDOCUMENTED = CloseAction.RESUME;

    private static final Map<Integer, CloseRule> RULES = Map.ofEntries(
            rule(4001, CloseAction.GIVE_UP, "the voice gateway did not know an opcode this client sent (a bug in discord-voice: report it)"),
            rule(4002, CloseAction.GIVE_UP, "the voice gateway could not decode a payload this client sent (a bug in discord-voice: report it)"),
            rule(4003, CloseAction.GIVE_UP, "the voice gateway got a payload before identify (a bug in discord-voice: report it)"),
            rule(4004, CloseAction.GIVE_UP, "the voice token was refused: join the channel again so that the main gateway sends a fresh VOICE_SERVER_UPDATE"),
            rule(4005, CloseAction.GIVE_UP, "this client identified twice (a bug in discord-voice: report it)"),
            rule(4006, CloseAction.GIVE_UP, "the voice session is no longer valid: join the channel again (voice state update) for a new session"),
            rule(4009, CloseAction.IDENTIFY, "the voice session timed out; identifying again"),
            rule(4011, CloseAction.GIVE_UP, "the voice server was not found: join the channel again for a new voice server"),
            rule(4012, CloseAction.GIVE_UP, "the voice gateway did not know the protocol selected (a bug in discord-voice: report it)"),
            rule(4014, CloseAction.GIVE_UP, "disconnected from the channel (kicked, moved, or the bot's main gateway session dropped): join again, or call moveTo when a new VOICE_SERVER_UPDATE comes"),
            rule(4015, CloseAction.RESUME, "the voice server crashed; resuming"),
            rule(4016, CloseAction.GIVE_UP, "the voice gateway did not know the encryption mode selected (a bug in discord-voice: report it)"),
            rule(4017, CloseAction.GIVE_UP, "this channel requires end-to-end encryption (DAVE): connect with a DAVE handler"),
            rule(4020, CloseAction.GIVE_UP, "the voice gateway called a request malformed (a bug in discord-voice: report it)"),
            rule(4021, CloseAction.GIVE_UP, "rate limited by the voice gateway: wait before joining again"),
            rule(4022, CloseAction.GIVE_UP, "the call was terminated (channel deleted or voice server changed): join again, or call moveTo when a new VOICE_SERVER_UPDATE comes"));

    private static Map.Entry<Integer, CloseRule> rule(int code, CloseAction action, String reason) {
        return Map.entry(code, new CloseRule(code, action, reason));
    }

    /** The rule for a close code; a code not in Discord's table is handled as network loss. */
    public static CloseRule forCode(int code, String serverReason) {
        CloseRule rule = RULES.get(code);
        if (rule != null) {
            return rule;
        }
        String said = serverReason == null || serverReason.isBlank() ? "" : " (" + serverReason + ")";
        return new CloseRule(code, UNDOCUMENTED, "the voice gateway connection closed with code " + code + said + "; resuming");
    }

    private CloseRules() {
    }
}
