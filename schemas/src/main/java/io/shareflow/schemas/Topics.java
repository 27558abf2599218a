package io.shareflow.schemas;

/**
 * Default Kafka topic names of shareflow. Services may override them by configuration;
 * these are the names every service uses out of the box. Every record key is the aggregate id
 * ({@code shareId}, {@code userId}, or {@code linkId} - the link's shareId - for
 * {@code ShareLinkCreated}).
 */
public final class Topics {

    /** Events of share-api: ShareRequested, ShareUpdated, ShareRevoked, ShareNotificationRequested, ShareLinkCreated,
     * ShareOpened, ShareExpired. */
    public static final String SHARE_EVENTS = "share.events.v1";

    /**
     * Events of user-provisioner about share recipients: RecipientProvisioned, RecipientRejected (key shareId); and
     * RegistrationLinkIssued (key userId), the sealed registration link share-notifier e-mails.
     */
    public static final String SHARE_PROVISIONING = "share.provisioning.v1";

    /** Events of share-notifier: NotificationSent, NotificationFailed. */
    public static final String SHARE_NOTIFICATIONS = "share.notifications.v1";

    /** Compacted user directory of user-provisioner: UserUpserted, UserActivated. */
    public static final String USER_DIRECTORY = "user.directory.v1";

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /**
     * The dead-letter topic of a topic, where records that cannot be processed are parked.
     *
     * @param topic a topic name, not null
     * @return {@code topic + ".dlt"}, never null
     */
    public static String deadLetter(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        return topic + DEAD_LETTER_SUFFIX;
    }
}
