package io.shareflow.api.status.model;

/**
 * How far user-provisioner got with the recipient's account. Every value but PENDING is final. {@code NONE} is a
 * link's: it has no recipient account to provision, so it counts as provisioned from its creation.
 */
public enum Provisioning {
    PENDING, EXISTING_USER, USER_CREATED, REJECTED, NONE;

    public boolean isFinal() {
        return this != PENDING;
    }

    public boolean isProvisioned() {
        return this == EXISTING_USER || this == USER_CREATED || this == NONE;
    }
}
