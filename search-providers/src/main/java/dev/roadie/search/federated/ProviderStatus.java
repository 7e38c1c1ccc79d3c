package dev.roadie.search.federated;

/** How one provider fared in one search. */
public enum ProviderStatus {
    /** It answered with tracks. */
    OK,
    /** It answered, with nothing. */
    EMPTY,
    /** It failed; the report says why. */
    FAILED,
    /** It did not answer within its deadline. */
    TIMED_OUT
}
