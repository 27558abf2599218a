package io.shareflow.api.access;

/** The OpenAPI examples of {@link AccessController} and {@link SharedWithMeController} (one answer per endpoint). */
final class AccessExamples {

    /** A file reached through a share of the folder above it. */
    static final String ACCESS = """
            {"data": {"role": "downloader", "grantedBy": {"shareId": "86507a4e-d16f-428e-a94a-49638d554ad5",
              "shareType": "person", "audience": null, "resourceId": "cbc0ccd7-775f-4c54-bf86-07602196e2c9",
              "via": "inherited", "expiresAt": "2027-01-31T00:00:00Z"}}}""";

    static final String PERMISSIONS = """
            {"data": [
              {"shareId": "86507a4e-d16f-428e-a94a-49638d554ad5", "shareType": "person", "via": "inherited",
               "resourceId": "cbc0ccd7-775f-4c54-bf86-07602196e2c9", "role": "downloader", "status": "ACTIVE",
               "recipient": {"email": "nora.berg@example.com", "userId": "0f3c2a55-61d4-4f0e-9b0a-3d1e6f7a8b90"},
               "audience": null, "recipients": [],
               "sharedBy": {"userId": "c8a1e0f2-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "name": "Ada Lovelace",
                            "email": "ada@example.com"},
               "createdAt": "2026-12-02T09:30:00.120Z", "expiresAt": "2027-01-31T00:00:00Z"},
              {"shareId": "868ffc82-cd3b-437e-b3c2-df8c9bb94e06", "shareType": "link", "via": "direct",
               "resourceId": "2922dacc-ba76-4467-a7d7-dc6b768969b4", "role": "viewer", "status": "ACTIVE",
               "recipient": null, "audience": "users",
               "recipients": [{"email": "crew@example.com", "userId": null}],
               "sharedBy": {"userId": "c8a1e0f2-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "name": "Ada Lovelace",
                            "email": "ada@example.com"},
               "createdAt": "2026-12-02T09:40:00.500Z", "expiresAt": "2026-12-05T09:40:00.500Z"}],
             "page": {"number": 0, "size": 20, "totalElements": 2}}""";

    static final String SHARED_WITH_ME = """
            {"data": [
              {"shareId": "86507a4e-d16f-428e-a94a-49638d554ad5", "type": "person", "audience": null, "name": null,
               "resource": {"id": "2922dacc-ba76-4467-a7d7-dc6b768969b4", "name": "A320 maintenance log.pdf",
                            "kind": "file", "documentType": "maintenance-file"},
               "role": "viewer", "status": "ACTIVE", "sharedBy": {"name": "Ada Lovelace", "email": "ada@example.com"},
               "createdAt": "2026-12-02T09:30:00.120Z", "expiresAt": null}],
             "page": {"number": 0, "size": 20, "totalElements": 1}}""";

    private AccessExamples() {
    }
}
