package io.shareflow.api.policy;

/** The OpenAPI examples of {@link SharingPolicyController} (one request and one answer per endpoint). */
final class SharingPolicyExamples {

    static final String PUT_REQUEST = """
            {"maxRole": "contributor", "allowedRecipientDomains": ["example.com", "partner.example"],
             "linkAudiences": ["organization", "users", "password"], "maxExpiryDays": 90, "requireExpiry": true}""";

    static final String POLICY = """
            {"data": {"maxRole": "contributor", "allowedRecipientDomains": ["example.com", "partner.example"],
              "linkAudiences": ["organization", "users", "password"], "maxExpiryDays": 90, "requireExpiry": true}}""";

    static final String HISTORY = """
            {"data": [
              {"changedAt": "2026-12-02T08:45:00.310Z",
               "changedBy": {"userId": "c8a1e0f2-3b4d-4e5f-8a6b-7c8d9e0f1a2b", "name": "Ada Lovelace",
                             "email": "ada@example.com"},
               "before": {"maxRole": "manager", "allowedRecipientDomains": [],
                          "linkAudiences": ["anyone", "organization", "users", "password"], "maxExpiryDays": null,
                          "requireExpiry": false},
               "after": {"maxRole": "contributor", "allowedRecipientDomains": ["example.com", "partner.example"],
                         "linkAudiences": ["organization", "users", "password"], "maxExpiryDays": 90,
                         "requireExpiry": true}}],
             "page": {"number": 0, "size": 20, "totalElements": 1}}""";

    private SharingPolicyExamples() {
    }
}
