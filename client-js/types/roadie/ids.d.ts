/**
 * Frame ids: a random prefix per client and a counter, so that ids stay unique across
 * reconnects, page reloads and restarts (receivers drop duplicates by sender and id).
 */
export class Ids {
    next(): string;
    #private;
}
