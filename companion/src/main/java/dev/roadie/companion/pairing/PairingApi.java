package dev.roadie.companion.pairing;

/** The device's side of the hub's pairing calls (RFC 8628's device flow, docs/PAIRING.md). */
public interface PairingApi {

    /** {@code POST /api/pair/start}: asks the hub for a code to show. */
    PairingStart start(HubAddress hub, String name, String platform) throws PairingFailedException;

    /** {@code POST /api/pair/token}: asks whether the owner approved yet. */
    PollAnswer poll(HubAddress hub, String deviceCode) throws PairingFailedException;
}
