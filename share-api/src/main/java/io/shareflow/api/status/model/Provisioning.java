package io.shareflow.api.status.model;

/** How far user-provisioner got with the recipient's account. Every value but PENDING is final. */
public enum Provisioning {
    PENDING, EXISTING_USER, USER_CREATED, REJECTED;

    public boolean isFinal() {
        return this != PENDING;
    }

    public boolean isProvisioned() {
        return this == EXISTING_USER || this == USER_CREATED;
    }
}
