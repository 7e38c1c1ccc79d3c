/**
 * Pairing a device with the hub (docs/PAIRING.md): the device flow of RFC 8628, where a device
 * shows a short user code that the owner approves, and invites, where the owner hands a device a
 * single-use code. Either way the device ends with an ordinary token of its kind, with at most
 * that kind's preset scopes. Codes are stored only as hashes; {@link dev.roadie.hub.pairing.PairingService}
 * is the entry point, {@link dev.roadie.hub.pairing.PairingThrottle} bounds guessing.
 */
package dev.roadie.hub.pairing;
