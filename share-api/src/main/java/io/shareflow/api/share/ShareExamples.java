package io.shareflow.api.share;

/** The OpenAPI examples of {@link ShareController} (one request and one answer per endpoint). */
final class ShareExamples {

    static final String SHARE_REQUEST = """
            {"recipientEmail": "new.colleague@example.com", "role": "viewer", "message": "Here is the A320 log.",
             "expiresAt": "2027-01-31T00:00:00Z"}""";

    static final String SHARE_ACCEPTED = """
            {"data": {"requestId": "58c7100c-dea0-4c56-8018-de8e737a3379", "shares": [
              {"shareId": "86507a4e-d16f-428e-a94a-49638d554ad5", "recipientEmail": "new.colleague@example.com",
               "recipientUserId": null, "role": "viewer", "status": "PENDING", "url": "http://localhost:8080/s/su_7sfdYhiEiOQFo2QJ-X2hKLS7Z9dRKrAdtubM1vDo",
               "expiresAt": "2027-01-31T00:00:00Z"}]}}""";

    static final String LINK_REQUEST = """
            {"audience": "password", "password": "a320 log 2027", "durationHours": 72, "name": "A320 log for the crew",
             "recipients": [{"email": "crew@example.com"}]}""";

    static final String LINK_CREATED = """
            {"data": {"shareId": "868ffc82-cd3b-437e-b3c2-df8c9bb94e06",
              "url": "http://localhost:8080/s/su_7sfdYhiEiOQFo2QJ-X2hKLS7Z9dRKrAdtubM1vDo", "audience": "password",
              "role": "viewer", "name": "A320 log for the crew", "expiresAt": "2026-12-05T09:30:00Z",
              "recipients": [{"email": "crew@example.com", "userId": null, "notification": "PENDING"}]}}""";

    static final String SHARE = """
            {"data": {"shareId": "86507a4e-d16f-428e-a94a-49638d554ad5", "requestId": "58c7100c-dea0-4c56-8018-de8e737a3379",
              "type": "person", "resourceId": "2922dacc-ba76-4467-a7d7-dc6b768969b4",
              "recipientEmail": "new.colleague@example.com", "role": "viewer", "status": "ACTIVE",
              "provisioning": "USER_CREATED", "notification": "SENT", "requireSignIn": false,
              "url": "http://localhost:8080/s/su_7sfdYhiEiOQFo2QJ-X2hKLS7Z9dRKrAdtubM1vDo", "expiresAt": null,
              "createdAt": "2026-12-02T09:30:00.120Z", "updatedAt": "2026-12-02T09:30:01.480Z",
              "history": [
                {"status": "PENDING", "provisioning": "PENDING", "notification": "PENDING", "at": "2026-12-02T09:30:00.120Z", "cause": "ShareRequested"},
                {"status": "PENDING", "provisioning": "USER_CREATED", "notification": "PENDING", "at": "2026-12-02T09:30:00.910Z", "cause": "RecipientProvisioned(USER_CREATED)"},
                {"status": "ACTIVE", "provisioning": "USER_CREATED", "notification": "SENT", "at": "2026-12-02T09:30:01.480Z", "cause": "NotificationSent"}]}}""";

    static final String PATCH_REQUEST = """
            {"role": "manager", "expiresAt": "2027-03-31T00:00:00Z"}""";

    /** The share after {@link #PATCH_REQUEST} under a policy whose {@code maxRole} is {@code contributor}. */
    static final String SHARE_CHANGED = """
            {"data": {"shareId": "86507a4e-d16f-428e-a94a-49638d554ad5", "requestId": "58c7100c-dea0-4c56-8018-de8e737a3379",
              "type": "person", "resourceId": "2922dacc-ba76-4467-a7d7-dc6b768969b4",
              "recipientEmail": "nora.berg@example.com", "recipientUserId": "0f3c2a55-61d4-4f0e-9b0a-3d1e6f7a8b90",
              "recipientName": "Nora Berg", "role": "contributor", "requestedRole": "manager", "status": "ACTIVE",
              "provisioning": "EXISTING_USER", "notification": "SENT", "requireSignIn": true,
              "url": "http://localhost:8080/s/su_7sfdYhiEiOQFo2QJ-X2hKLS7Z9dRKrAdtubM1vDo", "expiresAt": "2027-03-31T00:00:00Z",
              "createdAt": "2026-12-02T09:30:00.120Z", "updatedAt": "2026-12-02T10:05:12.300Z",
              "history": [
                {"status": "PENDING", "provisioning": "PENDING", "notification": "PENDING", "at": "2026-12-02T09:30:00.120Z", "cause": "ShareRequested"},
                {"status": "PENDING", "provisioning": "EXISTING_USER", "notification": "PENDING", "at": "2026-12-02T09:30:00.910Z", "cause": "RecipientProvisioned(EXISTING_USER)"},
                {"status": "ACTIVE", "provisioning": "EXISTING_USER", "notification": "SENT", "at": "2026-12-02T09:30:01.480Z", "cause": "NotificationSent"},
                {"status": "ACTIVE", "provisioning": "EXISTING_USER", "notification": "SENT", "at": "2026-12-02T10:05:12.300Z",
                 "cause": "ShareUpdated(role viewer -> contributor; expiresAt never -> 2027-03-31T00:00:00Z)",
                 "by": "c8a1e0f2-3b4d-4e5f-8a6b-7c8d9e0f1a2b"}]}}""";

    static final String SHARES = """
            {"data": [
              {"shareId": "868ffc82-cd3b-437e-b3c2-df8c9bb94e06", "requestId": "4435b722-9a04-4834-9574-e51b99e19e5b",
               "type": "link", "resourceId": "2922dacc-ba76-4467-a7d7-dc6b768969b4", "recipientEmail": null,
               "role": "viewer", "status": "ACTIVE", "audience": "password", "name": "A320 log for the crew",
               "recipients": [{"email": "crew@example.com", "userId": null, "notification": "SENT"}],
               "expiresAt": "2026-12-05T09:30:00Z", "createdAt": "2026-12-02T09:30:00.120Z", "updatedAt": "2026-12-02T09:30:02.020Z"}],
             "page": {"number": 0, "size": 20, "totalElements": 1}}""";

    private ShareExamples() {
    }
}
