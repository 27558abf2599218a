package io.shareflow.api.opening.model;

/** A state in which a share no longer opens (410), by precedence: revoked over rejected over expired. */
public enum FinalState {
    REVOKED, REJECTED, EXPIRED
}
