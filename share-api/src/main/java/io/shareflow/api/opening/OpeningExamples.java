package io.shareflow.api.opening;

/** The OpenAPI examples of {@link LinkController} and {@link ActivityController}. */
final class OpeningExamples {

    static final String OPENED = """
            {"data": {"shareId": "86507a4e-d16f-428e-a94a-49638d554ad5", "type": "person",
              "resource": {"id": "2922dacc-ba76-4467-a7d7-dc6b768969b4", "name": "A320 maintenance log.pdf", "kind": "file",
                           "documentType": "maintenance-file"},
              "role": "viewer", "expiresAt": null, "canDownload": false,
              "sharedBy": {"name": "Alice Archer", "email": "alice@acme.example"}, "sharedAt": "2026-12-02T09:30:00.120Z"}}""";

    static final String SIGN_IN_REQUIRED = """
            {"refusal": "SIGN_IN_REQUIRED", "required": "sign-in"}""";
    static final String PASSWORD_REQUIRED = """
            {"refusal": "PASSWORD_REQUIRED", "required": "password"}""";
    static final String WRONG_PASSWORD = """
            {"refusal": "WRONG_PASSWORD", "required": "password"}""";
    static final String OUTSIDE_AUDIENCE = """
            {"refusal": "OUTSIDE_AUDIENCE", "askWhom": {"name": "Alice Archer", "email": "alice@acme.example"}}""";
    static final String UNKNOWN_TOKEN = """
            {"refusal": "UNKNOWN_TOKEN"}""";
    static final String EXPIRED = """
            {"refusal": "EXPIRED"}""";
    static final String REVOKED = """
            {"refusal": "REVOKED"}""";
    static final String REJECTED = """
            {"refusal": "REJECTED", "reason": "the recipient is a user of another organisation"}""";
    static final String LOCKED_OUT = """
            {"refusal": "LOCKED_OUT"}""";
    static final String RATE_LIMITED = """
            {"refusal": "RATE_LIMITED"}""";

    static final String ACTIVITY = """
            {"data": [
              {"at": "2026-12-02T10:02:11.315Z", "outcome": "OPENED", "channel": "page",
               "openedBy": {"anonymous": false, "userId": "632c04a0-dcb0-40a0-b2f8-35067e4411ed",
                            "email": "carol@acme.example", "name": "Carol Chen"}},
              {"at": "2026-12-02T10:01:40.002Z", "outcome": "WRONG_PASSWORD", "channel": "api", "openedBy": {"anonymous": true}}],
             "page": {"number": 0, "size": 20, "totalElements": 2}}""";

    private OpeningExamples() {
    }
}
