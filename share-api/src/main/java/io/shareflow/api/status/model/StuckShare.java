package io.shareflow.api.status.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a share the stuck-share sweep flags is named in its history: what was still PENDING, after how long, and which
 * service never answered — e.g. {@code StuckShare(provisioning PENDING, notification PENDING after PT2H: no outcome
 * from user-provisioner, share-notifier)}.
 */
public final class StuckShare {

    private StuckShare() {
    }

    /** The services a direct share in {@code progress} is still waiting for, provisioning's first; may be empty. */
    public static List<String> silent(ShareProgress progress) {
        List<String> silent = new ArrayList<>(2);
        if (progress.provisioning() == Provisioning.PENDING) {
            silent.add("user-provisioner");
        }
        if (progress.notification() == Notification.PENDING) {
            silent.add("share-notifier");
        }
        return silent;
    }

    /** The history cause of a direct share flagged in {@code progress} (the state before the sweep). */
    public static String cause(ShareProgress progress, Duration after) {
        return "StuckShare(provisioning " + progress.provisioning() + ", notification " + progress.notification()
                + " after " + after + ": no outcome from " + String.join(", ", silent(progress)) + ")";
    }

    /** The history cause of a link whose e-mail to {@code recipientEmail} was still PENDING. */
    public static String recipientCause(String recipientEmail, Duration after) {
        return "StuckShare(notification to " + recipientEmail + " PENDING after " + after
                + ": no outcome from share-notifier)";
    }
}
