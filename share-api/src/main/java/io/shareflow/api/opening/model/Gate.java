package io.shareflow.api.opening.model;

/** What stands between a caller and a share that is still in force. */
public enum Gate {
    /** Nothing: it opens. */
    OPEN,
    /** Only for someone signed in, and the caller is anonymous. */
    SIGN_IN_REQUIRED,
    /** The caller is signed in, but not as someone the share is for. */
    OUTSIDE_AUDIENCE,
    /** A password link: it opens with its password (subject to the lockout). */
    PASSWORD
}
