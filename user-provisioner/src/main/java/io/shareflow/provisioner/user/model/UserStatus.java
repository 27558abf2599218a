package io.shareflow.provisioner.user.model;

/** Account status; the names are the values in events and in the REST API. */
public enum UserStatus {
    /** The user can sign in and use shares. */
    ACTIVE,
    /** Created for a share recipient; becomes {@link #ACTIVE} when the person registers. */
    DEACTIVATED
}
