/**
 * The WebSocket close codes the hub uses, mirrored once from the Java definition
 * `shared-model/src/main/java/dev/roadie/model/wire/CloseCode.java` (PROTOCOL.md lists them).
 * A hub-lite test (`WireCodesJsTest`) reads this file and checks every name and value against
 * that enum, so the two cannot drift: change both together.
 */
export const CloseCode = Object.freeze({
  /** The hub is shutting down; reconnect with backoff. */
  GOING_AWAY: 1001,
  /** A frame was over the hard size limit. */
  TOO_BIG: 1009,
  /** No hello arrived within the auth timeout. */
  HELLO_TIMEOUT: 4001,
  /** The hello was refused: bad token, wrong identity or protocol. */
  UNAUTHORIZED: 4003,
  /** Nothing was heard from the client for heartbeat interval times tolerance. */
  HEARTBEAT_MISSED: 4004,
  /** A policy limit: too many connections, the hub is full, or the client kept flooding. */
  POLICY: 4008,
  /** The client does not read or acknowledge fast enough. */
  SLOW_CONSUMER: 4009,
  /** A newer connection of the same identity took over. */
  REPLACED: 4010,
  /** The hello asked not to replace its identity, and that identity is connected. */
  IDENTITY_IN_USE: 4011,
  /** Too many clients connecting at once; a goodbye frame said when to come back. */
  TRY_LATER: 4029,
});
